package io.sluice.runtime.join;

import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.codegen.CalcKernel;
import io.sluice.runtime.codegen.KernelCompiler;
import io.sluice.runtime.codegen.KernelContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.TwoInputOperator;
import io.sluice.runtime.operator.Watermarks;
import io.sluice.runtime.state.OperatorSnapshot;
import io.sluice.runtime.state.StateMemory;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.task.TaskContext;
import java.io.IOException;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * See {@link IntervalJoinOperatorFactory}. The kept rows sit in a {@link JoinState} (its counts of
 * matches tell which outer rows met nothing); each input's rows are also in an {@link ExpiryQueue}
 * by the watermark that expires them, so a watermark takes out just the rows it passes. A row whose
 * bound the watermark has already passed when it comes (a late row) still meets the kept rows but
 * is not kept.
 */
final class IntervalJoinOperator implements TwoInputOperator, Checkpointed {
    private final IntervalJoinOperatorFactory spec;
    private final TimeBounds bounds;
    private final TaskContext context;
    private final Output output;
    private final BufferAllocator allocator;
    private final JoinState state;
    private final JoinCandidates candidates;
    private final CalcKernel condition;
    private final JoinOutput out;
    private final ExpiryQueue[] queues = {new ExpiryQueue(), new ExpiryQueue()};
    private final StateMemory queueMemory;
    private long watermark = Watermarks.NONE;

    private int[] pendingRows = new int[0];
    private int[] pendingKeys = new int[0];
    private int[] pendingMatches = new int[0];
    private long[] pendingExpiries = new long[0];

    IntervalJoinOperator(IntervalJoinOperatorFactory spec, TaskContext context, Output output) {
        this.spec = spec;
        this.bounds = spec.bounds();
        this.context = context;
        this.output = output;
        this.allocator = context.allocator().newChildAllocator(context.taskName() + "/IntervalJoin", 0, Long.MAX_VALUE);
        this.state = new JoinState(spec.leftSchema(), spec.rightSchema(), spec.leftKeys(), spec.rightKeys(),
                allocator, "the interval join", context.metrics().state());
        this.candidates = new JoinCandidates(state, spec.leftSchema(), spec.rightSchema(), spec.leftKeys(),
                spec.rightKeys(), allocator, context.batchSize());
        this.condition = spec.condition() == null ? null : KernelCompiler.instantiate(spec.condition().kernelClass(),
                KernelContext.of(spec.condition().references(), context));
        this.out = new JoinOutput(spec.leftSchema(), spec.rightSchema(), false, false, allocator, output,
                context.batchSize());
        this.queueMemory = new StateMemory(allocator, "the interval join");
    }

    @Override
    public void process(int input, VectorSchemaRoot rows) {
        int count = rows.getRowCount();
        if (count == 0) {
            return;
        }
        int other = 1 - input;
        TimeStampVector times = times(rows, input);
        TimeStampVector otherTimes = times(state.side(other).rows(), other);
        long offset = bounds.offset(input);
        long otherOffset = bounds.offset(other);
        candidates.find(input, rows, context.clock().millis(), (row, kept) -> !times.isNull(row)
                && !otherTimes.isNull(kept) && (input == 0
                        ? bounds.matches(times.get(row) - offset, otherTimes.get(kept) - otherOffset)
                        : bounds.matches(otherTimes.get(kept) - otherOffset, times.get(row) - offset)), condition);
        JoinRows otherRows = state.side(other);
        out.begin(input, rows, otherRows.rows());
        int pending = 0;
        ensurePending(count);
        for (int row = 0; row < count; row++) {
            int from = candidates.from(row);
            int to = candidates.to(row);
            for (int k = from; k < to; k++) {
                int kept = candidates.partner(k);
                otherRows.addMatches(kept, 1);
                out.add(row, kept, RowKind.INSERT);
            }
            long expiry = times.isNull(row) ? Watermarks.NONE : bounds.expiry(input, times.get(row) - offset);
            if (candidates.keyId(row) == JoinCandidates.NO_KEY || expiry <= watermark) {
                if (from == to && spec.kind().keepsUnmatched(input)) {
                    out.add(row, JoinRows.NONE, RowKind.INSERT);
                }
                continue;
            }
            pendingRows[pending] = row;
            pendingKeys[pending] = candidates.keyId(row);
            pendingMatches[pending] = to - from;
            pendingExpiries[pending] = expiry;
            pending++;
        }
        out.flush();
        JoinRows mine = state.side(input);
        int first = mine.rows().getRowCount();
        mine.append(rows, pendingRows, pending, pendingKeys, pendingMatches);
        for (int j = 0; j < pending; j++) {
            queues[input].add(pendingExpiries[j], first + j);
        }
        maintain();
    }

    private TimeStampVector times(VectorSchemaRoot rows, int input) {
        return (TimeStampVector) rows.getVector(bounds.column(input));
    }

    private void ensurePending(int count) {
        if (pendingRows.length < count) {
            pendingRows = new int[count];
            pendingKeys = new int[count];
            pendingMatches = new int[count];
            pendingExpiries = new long[count];
        }
    }

    /**
     * Takes out the rows whose bound the watermark has passed, emitting those of an outer side
     * that met nothing, then passes the watermark on, held back by the bounds.
     */
    @Override
    public void processWatermark(long newWatermark) {
        if (newWatermark <= watermark) {
            return;
        }
        watermark = newWatermark;
        for (int input = 0; input < 2; input++) {
            ExpiryQueue queue = queues[input];
            JoinRows rows = state.side(input);
            boolean pads = spec.kind().keepsUnmatched(input);
            out.begin(input, rows.rows(), state.side(1 - input).rows());
            while (!queue.isEmpty() && queue.firstTime() <= watermark) {
                int row = queue.poll();
                if (pads && rows.matches(row) == 0) {
                    out.add(row, JoinRows.NONE, RowKind.INSERT);
                }
                rows.remove(row);
            }
            out.flush();
        }
        maintain();
        output.emitWatermark(watermark == Watermarks.END ? watermark : watermark - bounds.outputDelay());
    }

    /** Reclaims removed rows when there are many; the rows were renumbered then, so the queues are made again. */
    private void maintain() {
        if (state.maintain()) {
            rebuildQueues();
        }
        queueMemory.update(queues[0].heapBytes() + queues[1].heapBytes());
    }

    private void rebuildQueues() {
        for (int input = 0; input < 2; input++) {
            JoinRows rows = state.side(input);
            TimeStampVector times = times(rows.rows(), input);
            queues[input].clear();
            for (int row : rows.liveIds()) {
                queues[input].add(bounds.expiry(input, times.get(row) - bounds.offset(input)), row);
            }
        }
    }

    /** Both inputs' kept rows with their counts of matches (see {@link JoinState#snapshot}), then the watermark. */
    @Override
    public void snapshotState(long checkpointId, StateWriter writer) throws IOException {
        OperatorSnapshot.write(writer, spec.name(), shape(), () -> {
            state.snapshot(writer);
            writer.writeLong(watermark);
        });
    }

    @Override
    public void restoreState(StateReader reader) {
        OperatorSnapshot.read(reader, spec.name(), shape(), () -> {
            state.restore(reader);
            watermark = reader.readLong();
        });
        rebuildQueues();
        queueMemory.update(queues[0].heapBytes() + queues[1].heapBytes());
    }

    /** What the plan fixes about the state: the join's kind, bounds and both inputs' columns and keys. */
    private String shape() {
        return spec.kind() + " within " + bounds + " of " + spec.leftSchema() + " by "
                + Arrays.toString(spec.leftKeys()) + " and " + spec.rightSchema() + " by "
                + Arrays.toString(spec.rightKeys());
    }

    @Override
    public void finish() {
        output.finish();
    }

    @Override
    public void close() {
        try {
            state.close();
            queueMemory.close();
            allocator.close();
        } finally {
            output.close();
        }
    }
}
