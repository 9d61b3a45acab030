package io.sluice.runtime.join;

import io.sluice.runtime.operator.OutputRows;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.TwoInputOperator;
import io.sluice.runtime.operator.Watermarks;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.vector.Batches;
import io.sluice.runtime.vector.VectorValues;
import io.sluice.runtime.window.SliceAssigner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * See {@link WindowJoinOperatorFactory}. Rows are copied into their window's buffer as they come;
 * when the window fires, the left rows are hashed by key and the right rows probe them. Buffered
 * batches are allocated from the operator's allocator, so the query's memory limit covers them.
 */
final class WindowJoinOperator implements TwoInputOperator {
    private static final long ONE_WINDOW = Long.MAX_VALUE;

    private final WindowJoinOperatorFactory spec;
    private final TaskContext context;
    private final Output output;
    private final BufferAllocator allocator;
    private final OutputRows rows;
    private final NavigableMap<Long, WindowRows> windows = new TreeMap<>();
    private long watermark = Watermarks.NONE;
    private long[] ends = new long[0];
    private int[] selection = new int[0];

    WindowJoinOperator(WindowJoinOperatorFactory spec, TaskContext context, Output output) {
        this.spec = spec;
        this.context = context;
        this.output = output;
        this.allocator = context.allocator().newChildAllocator(context.taskName() + "/WindowJoin", 0, Long.MAX_VALUE);
        this.rows = new OutputRows(spec.outputSchema(), allocator, output, context.batchSize());
    }

    @Override
    public void process(int input, VectorSchemaRoot batch) {
        int count = batch.getRowCount();
        if (ends.length < count) {
            ends = new long[count];
            selection = new int[count];
        }
        int endColumn = input == 0 ? spec.leftWindowEnd() : spec.rightWindowEnd();
        List<Long> distinct = windowEnds(batch, count, endColumn);
        for (long end : distinct) {
            int selected = 0;
            for (int row = 0; row < count; row++) {
                if (ends[row] == end) {
                    selection[selected++] = row;
                }
            }
            VectorSchemaRoot copy = Batches.take(batch, selection, selected, allocator);
            windows.computeIfAbsent(end, e -> new WindowRows()).add(input, copy);
        }
    }

    /** Writes each row's window end; late rows (their window has fired) are counted and marked. */
    private List<Long> windowEnds(VectorSchemaRoot batch, int count, int endColumn) {
        List<Long> distinct = new ArrayList<>(2);
        if (endColumn < 0) {
            Arrays.fill(ends, 0, count, ONE_WINDOW);
            distinct.add(ONE_WINDOW);
            return distinct;
        }
        TimeStampMilliVector column = (TimeStampMilliVector) batch.getVector(endColumn);
        long data = column.getDataBufferAddress();
        long late = 0;
        for (int row = 0; row < count; row++) {
            long end = MemoryUtil.getLong(data + ((long) row << 3));
            if (SliceAssigner.isFired(end, watermark)) {
                ends[row] = Long.MIN_VALUE;
                late++;
                continue;
            }
            ends[row] = end;
            if (!distinct.contains(end)) {
                distinct.add(end);
            }
        }
        if (late > 0) {
            context.metrics().addLateRecords(late);
        }
        return distinct;
    }

    @Override
    public void processWatermark(long newWatermark) {
        if (newWatermark <= watermark) {
            return;
        }
        watermark = newWatermark;
        while (!windows.isEmpty() && SliceAssigner.isFired(windows.firstKey(), watermark)) {
            try (WindowRows window = windows.pollFirstEntry().getValue()) {
                join(window);
            }
        }
        rows.flush();
        output.emitWatermark(newWatermark);
    }

    /** Hashes the left rows by key, probes with the right ones, and emits the pairs. */
    private void join(WindowRows window) {
        List<VectorSchemaRoot> left = window.of(0);
        Map<Object, List<long[]>> byKey = new HashMap<>();
        for (int b = 0; b < left.size(); b++) {
            VectorSchemaRoot batch = left.get(b);
            for (int row = 0; row < batch.getRowCount(); row++) {
                Object key = key(batch, row, spec.leftKeys());
                if (key != null) {
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new long[] {b, row});
                }
            }
        }
        List<BitSet> matched = new ArrayList<>();
        for (int b = 0; b < left.size(); b++) {
            matched.add(new BitSet());
        }
        for (VectorSchemaRoot probe : window.of(1)) {
            for (int row = 0; row < probe.getRowCount(); row++) {
                Object key = key(probe, row, spec.rightKeys());
                List<long[]> partners = key == null ? null : byKey.get(key);
                if (partners == null) {
                    continue;
                }
                for (long[] partner : partners) {
                    matched.get((int) partner[0]).set((int) partner[1]);
                    emit(left.get((int) partner[0]), (int) partner[1], probe, row);
                }
            }
        }
        if (spec.kind() == JoinKind.LEFT) {
            for (int b = 0; b < left.size(); b++) {
                VectorSchemaRoot batch = left.get(b);
                for (int row = 0; row < batch.getRowCount(); row++) {
                    if (!matched.get(b).get(row)) {
                        emit(batch, row, null, 0);
                    }
                }
            }
        }
    }

    /** A left row followed by a right row, or by NULLs when {@code right} is null. */
    private void emit(VectorSchemaRoot left, int leftRow, VectorSchemaRoot right, int rightRow) {
        int row = rows.nextRow();
        VectorSchemaRoot out = rows.batch();
        int leftColumns = left.getFieldVectors().size();
        for (int column = 0; column < leftColumns; column++) {
            out.getVector(column).copyFromSafe(leftRow, row, left.getVector(column));
        }
        for (int column = leftColumns; column < out.getFieldVectors().size(); column++) {
            FieldVector target = out.getVector(column);
            if (right == null) {
                target.setNull(row);
            } else {
                target.copyFromSafe(rightRow, row, right.getVector(column - leftColumns));
            }
        }
    }

    /** The row's key as a value object, or null if any key column is NULL (NULL matches nothing). */
    private static Object key(VectorSchemaRoot batch, int row, int[] columns) {
        if (columns.length == 1) {
            return VectorValues.get(batch.getVector(columns[0]), row);
        }
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = VectorValues.get(batch.getVector(columns[i]), row);
            if (values[i] == null) {
                return null;
            }
        }
        return Arrays.asList(values);
    }

    @Override
    public void finish() {
        rows.flush();
        output.finish();
    }

    @Override
    public void close() {
        try {
            windows.values().forEach(WindowRows::close);
            windows.clear();
            rows.close();
            allocator.close();
        } finally {
            output.close();
        }
    }
}
