package io.sluice.runtime.sort;

import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.state.OperatorSnapshot;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.vector.Batches;
import java.io.IOException;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs a {@link TimeSortOperatorFactory}. Rows are appended to one batch in the operator's own
 * allocator (so the query's memory limit covers them); at each watermark the rows whose time it
 * has reached are sorted and emitted, and the others are kept in a new batch.
 */
final class TimeSortOperator implements Operator, Checkpointed {
    private final TimeSortOperatorFactory spec;
    private final Output output;
    private final int batchSize;
    private final BufferAllocator allocator;
    private final RowComparator comparator;
    private VectorSchemaRoot rows;

    TimeSortOperator(TimeSortOperatorFactory spec, TaskContext context, Output output) {
        this.spec = spec;
        this.output = output;
        this.batchSize = context.batchSize();
        this.allocator = context.allocator().newChildAllocator(context.taskName() + "/TimeSort", 0, Long.MAX_VALUE);
        this.comparator = new RowComparator(spec.schema(), spec.order());
        this.rows = empty();
    }

    private VectorSchemaRoot empty() {
        VectorSchemaRoot empty = VectorSchemaRoot.create(spec.schema(), allocator);
        // Appending reads the target's offsets, so they must exist even when it is empty.
        empty.allocateNew();
        return empty;
    }

    @Override
    public void process(VectorSchemaRoot batch) {
        Batches.append(batch, rows);
    }

    @Override
    public void processWatermark(long watermark) {
        emitUpTo(watermark);
        output.emitWatermark(watermark);
    }

    @Override
    public void finish() {
        emitUpTo(Long.MAX_VALUE);
        output.finish();
    }

    /** Emits, sorted, the rows whose time is at most {@code watermark}, and keeps the others. */
    private void emitUpTo(long watermark) {
        int count = rows.getRowCount();
        int[] ready = new int[count];
        int[] waiting = new int[count];
        int readyCount = 0;
        int waitingCount = 0;
        for (int row = 0; row < count; row++) {
            if (time(row) <= watermark) {
                ready[readyCount++] = row;
            } else {
                waiting[waitingCount++] = row;
            }
        }
        if (readyCount == 0) {
            return;
        }
        ready = Arrays.copyOf(ready, readyCount);
        comparator.sort(rows, ready);
        for (int from = 0; from < readyCount; from += batchSize) {
            int[] chunk = Arrays.copyOfRange(ready, from, Math.min(readyCount, from + batchSize));
            try (VectorSchemaRoot batch = Batches.take(rows, chunk, chunk.length, allocator)) {
                output.emit(batch);
            }
        }
        VectorSchemaRoot kept = waitingCount == 0 ? empty() : Batches.take(rows, waiting, waitingCount, allocator);
        rows.close();
        rows = kept;
    }

    /** The row's time; a row without one leaves at the first watermark. */
    private long time(int row) {
        var vector = rows.getVector(spec.timeColumn());
        if (vector.isNull(row)) {
            return Long.MIN_VALUE;
        }
        return vector instanceof TimeStampVector timestamps ? timestamps.get(row) : ((BigIntVector) vector).get(row);
    }

    /** The rows waiting for the watermark. */
    @Override
    public void snapshotState(long checkpointId, StateWriter out) throws IOException {
        OperatorSnapshot.write(out, spec.name(), shape(), () -> out.writeRows(rows));
    }

    @Override
    public void restoreState(StateReader in) {
        OperatorSnapshot.read(in, spec.name(), shape(), () -> {
            try (VectorSchemaRoot restored = in.readRows(rows.getSchema(), allocator)) {
                Batches.append(restored, rows);
            }
        });
    }

    private String shape() {
        return rows.getSchema() + " ordered by " + spec.order() + " on time column " + spec.timeColumn();
    }

    @Override
    public void close() {
        try {
            rows.close();
            allocator.close();
        } finally {
            output.close();
        }
    }
}
