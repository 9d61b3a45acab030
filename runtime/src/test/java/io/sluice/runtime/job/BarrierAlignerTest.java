package io.sluice.runtime.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.exchange.ExchangeMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Three producers; the task's view is what it would process, in order, with a snapshot marked
 * where a checkpoint aligns. Exactly once, what a producer sends after its barrier comes after
 * the snapshot, in the order it came; at least once, nothing waits.
 */
class BarrierAlignerTest {
    @Test
    void exactlyOnceHoldsWhatFollowsABarrierUntilEveryProducerSentIt() {
        List<String> processed = run(true, List.of(
                new ExchangeMessage.Watermark(0, 1),
                new ExchangeMessage.Barrier(0, 1),
                new ExchangeMessage.Watermark(0, 2),
                new ExchangeMessage.Idle(0, true),
                new ExchangeMessage.Watermark(1, 10),
                new ExchangeMessage.Barrier(1, 1),
                new ExchangeMessage.Watermark(1, 11),
                new ExchangeMessage.Watermark(2, 20),
                new ExchangeMessage.Barrier(2, 1),
                new ExchangeMessage.Watermark(2, 21)));
        assertEquals(List.of("w0=1", "w1=10", "w2=20", "snapshot 1", "w0=2", "idle0", "w1=11", "w2=21"), processed);
    }

    @Test
    void atLeastOnceHoldsNothingAndSnapshotsAtTheLastBarrier() {
        List<String> processed = run(false, List.of(
                new ExchangeMessage.Watermark(0, 1),
                new ExchangeMessage.Barrier(0, 1),
                new ExchangeMessage.Watermark(0, 2),
                new ExchangeMessage.Barrier(1, 1),
                new ExchangeMessage.Watermark(1, 11),
                new ExchangeMessage.Barrier(2, 1),
                new ExchangeMessage.Watermark(2, 21)));
        assertEquals(List.of("w0=1", "w0=2", "w1=11", "snapshot 1", "w2=21"), processed);
    }

    @Test
    void anEndedProducerCountsAsAligned() {
        List<String> processed = run(true, List.of(
                new ExchangeMessage.End(2),
                new ExchangeMessage.Barrier(0, 1),
                new ExchangeMessage.End(0),
                new ExchangeMessage.Watermark(1, 10),
                new ExchangeMessage.Barrier(1, 1)));
        // producer 0's end came after its barrier: it is held, and processed after the snapshot
        assertEquals(List.of("end2", "w1=10", "snapshot 1", "end0"), processed);
    }

    @Test
    void theLastEndCompletesAnAlignment() {
        List<String> processed = run(true, List.of(
                new ExchangeMessage.Barrier(0, 1),
                new ExchangeMessage.Watermark(0, 5),
                new ExchangeMessage.Watermark(1, 3),
                new ExchangeMessage.End(1),
                new ExchangeMessage.End(2)));
        assertEquals(List.of("w1=3", "end1", "end2", "snapshot 1", "w0=5"), processed);
    }

    @Test
    void aNewerBarrierGivesUpTheOlderAlignmentAndReplaysWhatWasHeld() {
        List<String> processed = run(true, List.of(
                new ExchangeMessage.Barrier(0, 1),
                new ExchangeMessage.Watermark(0, 2),
                // checkpoint 1 was aborted: producer 1 never sends it, and goes on with 2
                new ExchangeMessage.Barrier(1, 2),
                new ExchangeMessage.Watermark(1, 12),
                new ExchangeMessage.Barrier(0, 2),
                new ExchangeMessage.Watermark(0, 3),
                new ExchangeMessage.Barrier(2, 2)));
        assertEquals(List.of("w0=2", "snapshot 2", "w1=12", "w0=3"), processed);
    }

    @Test
    void staleBarriersAreIgnored() {
        BarrierAligner aligner = new BarrierAligner(2, true, 4);
        assertEquals(BarrierAligner.NONE, aligner.barrier(0, 3));
        assertFalse(aligner.hold(new ExchangeMessage.Watermark(0, 1)));
        assertEquals(BarrierAligner.NONE, aligner.barrier(0, 5));
        assertTrue(aligner.hold(new ExchangeMessage.Watermark(0, 2)));
        assertEquals(5, aligner.barrier(1, 5));
    }

    /** What a task processes, as {@link ExchangeTask} drives the aligner: replayed messages before new ones. */
    private static List<String> run(boolean exactlyOnce, List<ExchangeMessage> arriving) {
        BarrierAligner aligner = new BarrierAligner(3, exactlyOnce, 0);
        List<String> processed = new ArrayList<>();
        java.util.Iterator<ExchangeMessage> input = arriving.iterator();
        while (true) {
            ExchangeMessage message = aligner.replayed();
            if (message == null) {
                if (!input.hasNext()) {
                    return processed;
                }
                message = input.next();
            }
            if (aligner.hold(message)) {
                continue;
            }
            long aligned = BarrierAligner.NONE;
            if (message instanceof ExchangeMessage.Barrier barrier) {
                aligned = aligner.barrier(barrier.producer(), barrier.checkpointId());
            } else if (message instanceof ExchangeMessage.Watermark watermark) {
                processed.add("w" + watermark.producer() + "=" + watermark.watermark());
            } else if (message instanceof ExchangeMessage.Idle idle) {
                processed.add("idle" + idle.producer());
            } else if (message instanceof ExchangeMessage.End end) {
                processed.add("end" + end.producer());
                aligned = aligner.end(end.producer());
            }
            if (aligned != BarrierAligner.NONE) {
                processed.add("snapshot " + aligned);
            }
        }
    }
}
