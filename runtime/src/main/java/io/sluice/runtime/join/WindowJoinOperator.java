package io.sluice.runtime.join;

import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.TwoInputOperator;
import io.sluice.runtime.operator.Watermarks;
import io.sluice.runtime.state.OperatorSnapshot;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.vector.Batches;
import io.sluice.runtime.window.SliceAssigner;
import io.sluice.runtime.window.group.GroupByHash;
import io.sluice.runtime.window.group.GroupByHashes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * See {@link WindowJoinOperatorFactory}. Rows are copied into their window's buffer as they come;
 * when the window fires, the left rows' keys are numbered by a {@link GroupByHash} (primitive for
 * integral keys) and the right rows probe them. Buffered rows are allocated from the operator's
 * allocator, so the query's memory limit covers them.
 */
final class WindowJoinOperator implements TwoInputOperator, Checkpointed {
    private static final long ONE_WINDOW = Long.MAX_VALUE;

    private final WindowJoinOperatorFactory spec;
    private final TaskContext context;
    private final Output output;
    private final BufferAllocator allocator;
    private final NavigableMap<Long, WindowRows> windows = new TreeMap<>();
    private long watermark = Watermarks.NONE;
    private long[] ends = new long[0];
    private int[] selection = new int[0];

    WindowJoinOperator(WindowJoinOperatorFactory spec, TaskContext context, Output output) {
        this.spec = spec;
        this.context = context;
        this.output = output;
        this.allocator = context.allocator().newChildAllocator(context.taskName() + "/WindowJoin", 0, Long.MAX_VALUE);
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
        Schema schema = input == 0 ? spec.leftSchema() : spec.rightSchema();
        for (long end : distinct) {
            int selected = 0;
            for (int row = 0; row < count; row++) {
                if (ends[row] == end) {
                    selection[selected++] = row;
                }
            }
            WindowRows window = windows.computeIfAbsent(end, e -> new WindowRows());
            if (selected == count) {
                window.add(input, batch, schema, allocator);
                continue;
            }
            try (VectorSchemaRoot rows = Batches.take(batch, selection, selected, allocator)) {
                window.add(input, rows, schema, allocator);
            }
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
        output.emitWatermark(newWatermark);
    }

    /** Emits the window's pairs, then, for a LEFT join, its left rows that met none. */
    private void join(WindowRows window) {
        VectorSchemaRoot left = window.of(0);
        if (left == null) {
            return;
        }
        VectorSchemaRoot right = window.of(1);
        int leftCount = left.getRowCount();
        BitSet matched = new BitSet(leftCount);
        Pairs pairs = new Pairs(context.batchSize());
        if (right != null) {
            VaryingKeys keys = VaryingKeys.of(spec.leftKeys(), spec.rightKeys(), left, right);
            if (!keys.disjoint()) {
                pair(left, right, keys, matched, pairs);
            }
        }
        // A batch holds matches or lone left rows, never both.
        emit(left, right, pairs);
        if (spec.kind() == JoinKind.LEFT) {
            for (int row = matched.nextClearBit(0); row < leftCount; row = matched.nextClearBit(row + 1)) {
                if (pairs.add(row, -1)) {
                    emit(left, right, pairs);
                }
            }
        }
        emit(left, right, pairs);
    }

    /**
     * Numbers the keys of the left rows, then of the right rows in the same hash, so that a right
     * row's number is its left partners' when it has any; the left rows of each number are
     * chained, and each right row is paired with its chain, the pairs emitted as they fill a batch.
     */
    private void pair(VectorSchemaRoot left, VectorSchemaRoot right, VaryingKeys keys, BitSet matched, Pairs pairs) {
        VectorSchemaRoot leftKeys = KeyColumns.view(left, keys.left());
        int[] leftRows = withKeys(leftKeys);
        int keyed = leftRows.length;
        GroupByHash hash = GroupByHashes.create(leftKeys.getSchema(), allColumns(leftKeys), keyed);
        int[] groups = new int[keyed];
        hash.groupIds(leftKeys, leftRows, keyed, groups);
        int leftGroups = hash.groupCount();
        int[] first = new int[leftGroups];
        Arrays.fill(first, -1);
        int[] next = new int[left.getRowCount()];
        for (int j = keyed - 1; j >= 0; j--) {
            next[leftRows[j]] = first[groups[j]];
            first[groups[j]] = leftRows[j];
        }
        VectorSchemaRoot rightKeys = KeyColumns.view(right, keys.right());
        int[] rightRows = withKeys(rightKeys);
        int[] rightGroups = new int[rightRows.length];
        hash.groupIds(rightKeys, rightRows, rightRows.length, rightGroups);
        for (int j = 0; j < rightRows.length; j++) {
            int group = rightGroups[j];
            for (int row = group < leftGroups ? first[group] : -1; row != -1; row = next[row]) {
                matched.set(row);
                if (pairs.add(row, rightRows[j])) {
                    emit(left, right, pairs);
                }
            }
        }
    }

    private static int[] allColumns(VectorSchemaRoot batch) {
        return IntStream.range(0, batch.getFieldVectors().size()).toArray();
    }

    /** The rows whose key columns are all non-null (a NULL key matches nothing). */
    private static int[] withKeys(VectorSchemaRoot keys) {
        int[] rows = new int[keys.getRowCount()];
        int kept = KeyColumns.nonNullRows(keys, allColumns(keys), rows);
        return kept == rows.length ? rows : Arrays.copyOf(rows, kept);
    }

    /** Emits the pairs collected so far: the left row's columns, then the right row's (or NULLs). */
    private void emit(VectorSchemaRoot left, VectorSchemaRoot right, Pairs pairs) {
        int count = pairs.size();
        if (count == 0) {
            return;
        }
        VectorSchemaRoot leftColumns = Batches.take(left, pairs.left(), count, allocator);
        VectorSchemaRoot rightColumns = pairs.hasRight()
                ? Batches.take(right, pairs.right(), count, allocator)
                : nulls(count);
        List<FieldVector> vectors = new ArrayList<>(leftColumns.getFieldVectors());
        vectors.addAll(rightColumns.getFieldVectors());
        try (VectorSchemaRoot joined = new VectorSchemaRoot(vectors)) {
            joined.setRowCount(count);
            output.emit(joined);
        } finally {
            leftColumns.clear();
            rightColumns.clear();
        }
        pairs.clear();
    }

    /** Right columns that are all NULL, for left rows without a partner. */
    private VectorSchemaRoot nulls(int count) {
        VectorSchemaRoot nulls = VectorSchemaRoot.create(spec.rightSchema(), allocator);
        for (FieldVector vector : nulls.getFieldVectors()) {
            vector.setInitialCapacity(count);
            vector.allocateNew();
            vector.setValueCount(count);
        }
        nulls.setRowCount(count);
        return nulls;
    }

    /** The watermark, then per window its end and each input's rows buffered so far. */
    @Override
    public void snapshotState(long checkpointId, StateWriter out) throws IOException {
        OperatorSnapshot.write(out, spec.name(), shape(), () -> {
            out.writeLong(watermark);
            out.writeInt(windows.size());
            for (Map.Entry<Long, WindowRows> window : windows.entrySet()) {
                out.writeLong(window.getKey());
                for (int input = 0; input < 2; input++) {
                    VectorSchemaRoot rows = window.getValue().of(input);
                    out.writeBoolean(rows != null);
                    if (rows != null) {
                        out.writeRows(rows);
                    }
                }
            }
        });
    }

    @Override
    public void restoreState(StateReader in) {
        OperatorSnapshot.read(in, spec.name(), shape(), () -> {
            watermark = in.readLong();
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                WindowRows window = new WindowRows();
                windows.put(in.readLong(), window);
                for (int input = 0; input < 2; input++) {
                    if (in.readBoolean()) {
                        Schema schema = input == 0 ? spec.leftSchema() : spec.rightSchema();
                        try (VectorSchemaRoot rows = in.readRows(schema, allocator)) {
                            window.add(input, rows, schema, allocator);
                        }
                    }
                }
            }
        });
    }

    /** What the plan fixes about the state: the join's kind and both inputs' columns. */
    private String shape() {
        return spec.kind() + " of " + spec.leftSchema() + " and " + spec.rightSchema();
    }

    @Override
    public void finish() {
        output.finish();
    }

    @Override
    public void close() {
        try {
            windows.values().forEach(WindowRows::close);
            windows.clear();
            allocator.close();
        } finally {
            output.close();
        }
    }
}
