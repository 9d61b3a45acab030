package io.sluice.runtime.rank;

import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.OutputRows;
import io.sluice.runtime.operator.Watermarks;
import io.sluice.runtime.sort.RowComparator;
import io.sluice.runtime.state.OperatorSnapshot;
import io.sluice.runtime.state.StateMemory;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.window.SliceAssigner;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs a window Top-N ({@link WindowRankOperatorFactory}). Each row goes into its window's
 * {@link RankState}, at its place in its partition's order; a partition keeps only the rows that
 * can still be ranked within {@code high} (ranks only grow as rows come), so a row that cannot
 * enter is not copied. When the watermark passes a window's end, each of its partitions' kept rows
 * within {@code [low, high]} are emitted in rank order, partitions in the order they came, and the
 * window is dropped.
 */
final class WindowRankOperator implements Operator, Checkpointed {
    private final WindowRankOperatorFactory spec;
    private final Output output;
    private final QueryMetrics metrics;
    private final BufferAllocator allocator;
    private final StateMemory memory;
    private final WindowRankState state;
    private final OutputRows rows;
    private final int width;
    private long watermark = Watermarks.NONE;
    private int[] selection = new int[0];
    private int[] partitions = new int[0];
    private long[] ranks = new long[16];

    WindowRankOperator(WindowRankOperatorFactory spec, TaskContext context, Output output) {
        this.spec = spec;
        this.output = output;
        this.metrics = context.metrics();
        this.allocator = context.allocator().newChildAllocator(context.taskName() + "/WindowRank", 0, Long.MAX_VALUE);
        this.memory = new StateMemory(allocator, "the window Top-N", context.metrics().state());
        this.state = new WindowRankState(spec.rowSchema(), spec.partitionKeys(),
                new RowComparator(spec.rowSchema(), spec.order()), allocator);
        this.rows = new OutputRows(spec.outputSchema(), allocator, output, context.batchSize());
        this.width = spec.rowSchema().getFields().size();
    }

    @Override
    public void process(VectorSchemaRoot batch) {
        int count = batch.getRowCount();
        if (selection.length < count) {
            selection = new int[count];
            partitions = new int[count];
        }
        TimeStampVector ends = (TimeStampVector) batch.getVector(spec.windowEnd());
        boolean[] done = new boolean[count];
        int late = 0;
        // Rows of one window are ranked together: one pass per window end the batch holds.
        for (int first = 0; first < count; first++) {
            if (done[first]) {
                continue;
            }
            long end = ends.get(first);
            int selected = 0;
            for (int row = first; row < count; row++) {
                if (!done[row] && ends.get(row) == end) {
                    done[row] = true;
                    selection[selected++] = row;
                }
            }
            if (SliceAssigner.isFired(end, watermark)) {
                late += selected;
                continue;
            }
            RankState window = state.window(end);
            window.partitionsOf(batch, selected, selection, partitions);
            for (int j = 0; j < selected; j++) {
                add(window, partitions[j], batch, selection[j]);
            }
            window.compactIfWasteful();
        }
        if (late > 0) {
            metrics.addLateRecords(late);
        }
        memory.update(state.heapBytes(), state);
    }

    private void add(RankState window, int partition, VectorSchemaRoot batch, int row) {
        int position = window.insertionPoint(partition, batch, row, spec.newestTiesFirst());
        if (spec.function() == RankFunction.ROW_NUMBER && position >= spec.high()) {
            return;
        }
        window.insert(partition, position, batch, row);
        if (ranks.length < window.size(partition)) {
            ranks = new long[Math.max(window.size(partition), ranks.length * 2)];
        }
        window.truncate(partition, window.ranks(partition, spec.function(), spec.high(), ranks));
    }

    @Override
    public void processWatermark(long newWatermark) {
        if (newWatermark > watermark) {
            watermark = newWatermark;
            while (!state.windows().isEmpty() && SliceAssigner.isFired(state.windows().firstKey(), watermark)) {
                Map.Entry<Long, RankState> window = state.windows().firstEntry();
                fire(window.getValue());
                state.drop(window.getKey());
            }
            rows.flush();
            memory.update(state.heapBytes(), state);
        }
        output.emitWatermark(newWatermark);
    }

    private void fire(RankState window) {
        VectorSchemaRoot kept = window.rows();
        for (int partition = 0; partition < window.partitionCount(); partition++) {
            int ranked = window.ranks(partition, spec.function(), spec.high(), ranks);
            for (int position = 0; position < ranked; position++) {
                if (ranks[position] < spec.low()) {
                    continue;
                }
                int slot = window.slot(partition, position);
                int row = rows.nextRow();
                VectorSchemaRoot out = rows.batch();
                for (int c = 0; c < width; c++) {
                    out.getVector(c).copyFromSafe(slot, row, kept.getVector(c));
                }
                if (spec.outputRank()) {
                    ((BigIntVector) out.getVector(width)).setSafe(row, ranks[position]);
                }
            }
        }
    }

    /** The watermark, then the open windows' rows (see {@link WindowRankState#snapshot}). */
    @Override
    public void snapshotState(long checkpointId, StateWriter out) throws IOException {
        OperatorSnapshot.write(out, spec.name(), shape(), () -> {
            out.writeLong(watermark);
            state.snapshot(out);
        });
    }

    @Override
    public void restoreState(StateReader in) {
        OperatorSnapshot.read(in, spec.name(), shape(), () -> {
            watermark = in.readLong();
            state.restore(in);
            memory.update(state.heapBytes(), state);
        });
    }

    /** What the plan fixes about the state: the rows' columns and how they are windowed, partitioned, ordered and ranked. */
    private String shape() {
        return spec.rowSchema() + " in windows ending at $" + spec.windowEnd() + " partitioned by "
                + Arrays.toString(spec.partitionKeys()) + " ordered by " + spec.order() + ", " + spec.function() + " "
                + spec.low() + " to " + spec.high();
    }

    @Override
    public void finish() {
        rows.flush();
        output.finish();
    }

    @Override
    public void close() {
        try {
            rows.close();
            state.close();
            memory.close();
            allocator.close();
        } finally {
            output.close();
        }
    }
}
