package io.sluice.runtime.over;

import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.codegen.AggregateKernel;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.OutputRows;
import io.sluice.runtime.state.OperatorSnapshot;
import io.sluice.runtime.state.StateMemory;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.task.TaskContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs an OVER aggregation ({@link OverAggregateOperatorFactory}), as Flink's row-time and
 * processing-time OVER functions do. A row waits in its partition, in time order, until the
 * watermark reaches its time (over processing time, until the end of its batch); then the
 * partition's waiting rows that the watermark passed go out in that order (rows of one time in
 * arrival order). Each enters the
 * frame's accumulators; in a ROWS frame the row that falls out of it is taken out, and the row
 * goes out with the aggregates; in a RANGE frame the rows of one time are peers: all enter, the
 * rows older than the frame leave, and all go out with the same aggregates. A row whose time is
 * not after the last time its partition emitted is late: dropped and counted.
 */
final class OverAggregateOperator implements Operator, Checkpointed {
    private final OverAggregateOperatorFactory spec;
    private final AggregateKernel kernel;
    private final TaskContext context;
    private final Output output;
    private final BufferAllocator allocator;
    private final StateMemory memory;
    private final OverState state;
    private final OutputRows rows;
    private final int width;
    private final int firstLagColumn;
    private final int longestLag;
    private final TinyIntVector inserts;
    private final int[] one = new int[1];
    private final int[] group = new int[1];
    private int[] selection = new int[0];
    private int[] partitionIds = new int[0];
    private boolean[] listed = new boolean[16];
    private int[] waiting = new int[16];
    private int waitingCount;

    OverAggregateOperator(OverAggregateOperatorFactory spec, AggregateKernel kernel, TaskContext context, Output output) {
        this.spec = spec;
        this.kernel = kernel;
        this.context = context;
        this.output = output;
        this.allocator = context.allocator().newChildAllocator(context.taskName() + "/OverAggregate", 0, Long.MAX_VALUE);
        this.memory = new StateMemory(allocator, "the OVER aggregation", context.metrics().state());
        this.width = spec.inputSchema().getFields().size();
        this.state = new OverState(spec.inputSchema(), RowKinds.withRowKind(spec.inputSchema()), spec.partitionKeys(),
                kernel, allocator);
        this.rows = new OutputRows(spec.outputSchema(), allocator, output, context.batchSize());
        this.firstLagColumn = spec.outputSchema().getFields().size() - spec.lags().size();
        this.longestLag = spec.longestLag();
        this.inserts = (TinyIntVector) RowKinds.FIELD.createVector(allocator);
    }

    @Override
    public void process(VectorSchemaRoot batch) {
        int count = batch.getRowCount();
        if (count == 0) {
            return;
        }
        if (selection.length < count) {
            selection = new int[count];
            Arrays.setAll(selection, i -> i);
            partitionIds = new int[count];
        }
        state.partitionsOf(batch, selection, count, partitionIds);
        VectorSchemaRoot withKinds = withInsertKinds(batch);
        TimeStampMilliVector times = (TimeStampMilliVector) batch.getVector(spec.timeColumn());
        long late = 0;
        for (int row = 0; row < count; row++) {
            int partition = partitionIds[row];
            if (times.isNull(row)) {
                context.metrics().reportMalformed(context.taskName(), "the OVER window's time column is NULL", "row " + row);
                continue;
            }
            long time = times.get(row);
            if (spec.eventTime() && time <= state.emittedUpTo[partition]) {
                late++;
                continue;
            }
            state.addPending(partition, withKinds, row, time);
            markWaiting(partition);
        }
        if (late > 0) {
            context.metrics().addLateRecords(late);
        }
        if (!spec.eventTime()) {
            fire(Long.MAX_VALUE);
            rows.flush();
        }
        state.compactIfWasteful();
        memory.update(state.heapBytes(), state);
    }

    /** Lists a partition among those with rows waiting for the watermark, once. */
    private void markWaiting(int partition) {
        if (partition >= listed.length) {
            listed = Arrays.copyOf(listed, Math.max(partition + 1, listed.length * 2));
        }
        if (!listed[partition]) {
            listed[partition] = true;
            if (waitingCount == waiting.length) {
                waiting = Arrays.copyOf(waiting, waitingCount * 2);
            }
            waiting[waitingCount++] = partition;
        }
    }

    /** The batch's columns and a row-kind column of inserts, which the store keeps beside each row. */
    private VectorSchemaRoot withInsertKinds(VectorSchemaRoot batch) {
        int count = batch.getRowCount();
        if (inserts.getValueCapacity() < count) {
            inserts.allocateNew(count);
        }
        for (int row = 0; row < count; row++) {
            inserts.set(row, RowKind.INSERT.code());
        }
        inserts.setValueCount(count);
        List<FieldVector> vectors = new ArrayList<>(batch.getFieldVectors());
        vectors.add(inserts);
        return new VectorSchemaRoot(vectors);
    }

    @Override
    public void processWatermark(long watermark) {
        if (spec.eventTime()) {
            fire(watermark);
            state.compactIfWasteful();
            memory.update(state.heapBytes(), state);
        }
        rows.flush();
        output.emitWatermark(watermark);
    }

    /** Emits, partition by partition, the waiting rows whose time is at or before {@code watermark}. */
    private void fire(long watermark) {
        int kept = 0;
        for (int i = 0; i < waitingCount; i++) {
            int partition = waiting[i];
            emitReady(partition, watermark);
            if (state.pendingCount[partition] > 0) {
                waiting[kept++] = partition;
            } else {
                listed[partition] = false;
            }
        }
        waitingCount = kept;
    }

    /** Emits a partition's waiting rows (which are in time order) up to the watermark. */
    private void emitReady(int partition, long watermark) {
        int[] slots = state.pendingSlots[partition];
        long[] times = state.pendingTimes[partition];
        int count = state.pendingCount[partition];
        int ready = 0;
        while (ready < count && times[ready] <= watermark) {
            ready++;
        }
        group[0] = partition;
        int i = 0;
        while (i < ready) {
            int peersEnd = i + 1;
            if (!spec.frame().rows()) {
                while (peersEnd < ready && times[peersEnd] == times[i]) {
                    peersEnd++;
                }
            }
            for (int j = i; j < peersEnd; j++) {
                state.appendHistory(partition, slots[j], times[j]);
                accumulate(partition, slots[j], RowKind.INSERT);
            }
            shrinkFrame(partition, times[i]);
            // the peers are the history's last rows (appending may have moved the history)
            for (int j = i; j < peersEnd; j++) {
                write(partition, state.historyEnd[partition] - (peersEnd - j));
            }
            state.emittedUpTo[partition] = times[i];
            i = peersEnd;
            trimHistory(partition);
        }
        if (ready > 0) {
            state.dropPending(partition, ready);
        }
    }

    /** Takes out of the accumulators the rows that fell out of a bounded frame. */
    private void shrinkFrame(int partition, long time) {
        if (!spec.frame().bounded()) {
            state.frameStart[partition] = state.historyEnd[partition];
            return;
        }
        long preceding = spec.frame().preceding();
        while (true) {
            int start = state.frameStart[partition];
            boolean out = spec.frame().rows()
                    ? state.historyEnd[partition] - start > preceding + 1
                    : state.historyTimes[partition][start] < time - preceding;
            if (!out) {
                return;
            }
            accumulate(partition, state.historySlots[partition][start], RowKind.DELETE);
            state.frameStart[partition] = start + 1;
        }
    }

    /** Drops the rows that neither the frame nor LAG needs any more. */
    private void trimHistory(int partition) {
        while (state.historyStart[partition] < state.frameStart[partition]
                && state.historyEnd[partition] - state.historyStart[partition] > longestLag) {
            state.dropOldest(partition);
        }
    }

    private void accumulate(int partition, int slot, RowKind kind) {
        VectorSchemaRoot stored = state.rows();
        RowKinds.set(RowKinds.of(stored), slot, kind);
        one[0] = slot;
        kernel.accumulate(state.accumulators(), group, stored, one, 1);
    }

    /** Writes the history's row at {@code index} with its partition's aggregates and its LAG values. */
    private void write(int partition, int index) {
        VectorSchemaRoot stored = state.rows();
        int slot = state.historySlots[partition][index];
        int row = rows.nextRow();
        VectorSchemaRoot out = rows.batch();
        for (int c = 0; c < width; c++) {
            out.getVector(c).copyFromSafe(slot, row, stored.getVector(c));
        }
        kernel.emit(state.accumulators(), partition, out, row);
        for (int l = 0; l < spec.lags().size(); l++) {
            LagCall lag = spec.lags().get(l);
            FieldVector target = out.getVector(firstLagColumn + l);
            int earlier = index - lag.offset();
            if (earlier >= state.historyStart[partition]) {
                target.copyFromSafe(state.historySlots[partition][earlier], row, stored.getVector(lag.valueColumn()));
            } else if (lag.defaultColumn() >= 0) {
                target.copyFromSafe(slot, row, stored.getVector(lag.defaultColumn()));
            } else {
                target.setNull(row);
            }
        }
    }

    /** The partitions' state (see {@link OverState#snapshot}). */
    @Override
    public void snapshotState(long checkpointId, StateWriter out) throws IOException {
        rows.flush();
        OperatorSnapshot.write(out, spec.name(), shape(), () -> state.snapshot(out));
    }

    @Override
    public void restoreState(StateReader in) {
        OperatorSnapshot.read(in, spec.name(), shape(), () -> {
            state.restore(in);
            for (int p = 0; p < state.partitionCount(); p++) {
                if (state.pendingCount[p] > 0) {
                    markWaiting(p);
                }
            }
            memory.update(state.heapBytes(), state);
        });
    }

    /** What the plan fixes about the state: the rows' columns, how they are partitioned, the frame and the accumulators. */
    private String shape() {
        return spec.inputSchema() + " partitioned by " + Arrays.toString(spec.partitionKeys()) + " ordered by $"
                + spec.timeColumn() + (spec.eventTime() ? " (event time) " : " (processing time) ") + spec.frame()
                + ", lags " + spec.lags() + ", accumulators " + io.sluice.runtime.aggregate.AccumulatorSnapshots
                .layout(kernel.newState());
    }

    @Override
    public void finish() {
        rows.flush();
        output.finish();
    }

    @Override
    public void close() {
        try {
            inserts.close();
            rows.close();
            state.close();
            memory.close();
            allocator.close();
        } finally {
            output.close();
        }
    }
}
