package io.sluice.runtime.job;

import io.sluice.runtime.exchange.ExchangeMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Lines up the barriers of a checkpoint from every producer of an exchange task. The checkpoint is
 * aligned, and the task snapshots, once every producer that has not ended sent its barrier (an
 * ended producer sent everything before any later barrier). Exactly once, what a producer sends
 * after its barrier is held back, in order, until then, so the snapshot holds nothing that came
 * after a barrier; at least once, nothing is held. A barrier of a newer checkpoint (the older one
 * was aborted) gives up the older alignment. Held messages are given back, in the order they came,
 * by {@link #replayed()} once the checkpoint aligned (after the task's snapshot) or was given up;
 * the task takes them before anything new from the exchange. Used by the task's thread only.
 */
final class BarrierAligner {
    static final long NONE = 0;

    private final boolean exactlyOnce;
    private final boolean[] arrived;
    private final boolean[] ended;
    private final List<ExchangeMessage> held = new ArrayList<>();
    private final Deque<ExchangeMessage> replay = new ArrayDeque<>();
    private long aligning = NONE;
    private long lastAligned;

    BarrierAligner(int producers, boolean exactlyOnce, long lastAligned) {
        this.exactlyOnce = exactlyOnce;
        this.arrived = new boolean[producers];
        this.ended = new boolean[producers];
        this.lastAligned = lastAligned;
    }

    /** True if the message is held back (it came after its producer's barrier); the aligner keeps it. */
    boolean hold(ExchangeMessage message) {
        if (exactlyOnce && aligning != NONE && arrived[producer(message)]) {
            held.add(message);
            return true;
        }
        return false;
    }

    /** A barrier came; returns the id of the checkpoint it completes the alignment of, or {@link #NONE}. */
    long barrier(int producer, long checkpointId) {
        if (checkpointId <= lastAligned || aligning != NONE && checkpointId < aligning) {
            return NONE;
        }
        if (checkpointId > aligning) {
            // a newer checkpoint: the one being aligned was aborted
            aligning = checkpointId;
            Arrays.fill(arrived, false);
            releaseHeld();
        }
        arrived[producer] = true;
        return alignedIfComplete();
    }

    /** A producer ended (its end was not held back); returns the id of the checkpoint that is now aligned, or {@link #NONE}. */
    long end(int producer) {
        ended[producer] = true;
        return aligning == NONE ? NONE : alignedIfComplete();
    }

    /** The next message held back and since released, or null if there is none. */
    ExchangeMessage replayed() {
        return replay.poll();
    }

    private long alignedIfComplete() {
        for (int p = 0; p < arrived.length; p++) {
            if (!arrived[p] && !ended[p]) {
                return NONE;
            }
        }
        long aligned = aligning;
        lastAligned = aligned;
        aligning = NONE;
        Arrays.fill(arrived, false);
        releaseHeld();
        return aligned;
    }

    /** Frees the batches still held or waiting to be replayed (the task is stopping). */
    void close() {
        releaseHeld();
        for (ExchangeMessage message : replay) {
            if (message instanceof ExchangeMessage.Data data) {
                data.batch().close();
            }
        }
        replay.clear();
    }

    /** Held messages came before those still waiting to be replayed: they go first. */
    private void releaseHeld() {
        for (int i = held.size() - 1; i >= 0; i--) {
            replay.addFirst(held.get(i));
        }
        held.clear();
    }

    private static int producer(ExchangeMessage message) {
        if (message instanceof ExchangeMessage.Data data) {
            return data.producer();
        } else if (message instanceof ExchangeMessage.Watermark watermark) {
            return watermark.producer();
        } else if (message instanceof ExchangeMessage.Idle idle) {
            return idle.producer();
        } else if (message instanceof ExchangeMessage.Barrier barrier) {
            return barrier.producer();
        }
        return ((ExchangeMessage.End) message).producer();
    }
}
