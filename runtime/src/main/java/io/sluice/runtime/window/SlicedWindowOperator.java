package io.sluice.runtime.window;

import io.sluice.runtime.state.StateMemory;
import io.sluice.runtime.operator.OutputRows;

import io.sluice.runtime.aggregate.AccumulatorSnapshots;
import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.codegen.AggregateKernel;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.Watermarks;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.window.group.GroupByHash;
import io.sluice.runtime.state.OperatorSnapshot;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.window.group.GroupByHashes;
import io.sluice.runtime.window.group.GroupKeySnapshots;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Windowed aggregation by slices (TUMBLE, HOP, CUMULATE, and GLOBAL for a bounded GROUP BY): each
 * row is added to the one slice its time falls in; when the watermark passes a window's end, the
 * window's slices are merged group by group and the results emitted; a slice is dropped once the
 * last window holding it has fired.
 */
final class SlicedWindowOperator implements Operator, Checkpointed {
    private final WindowAggregateOperatorFactory spec;
    private final AggregateKernel kernel;
    private final TaskContext context;
    private final Output output;
    private final SliceAssigner assigner;
    private final BufferAllocator allocator;
    private final StateMemory memory;
    private final OutputRows rows;
    private final WindowResults results;
    private final NavigableMap<Long, SliceState> slices = new TreeMap<>();
    private long watermark = Watermarks.NONE;
    /** The distinct slices of the batch being added, and for each row its index among them. */
    private long[] batchSlices = new long[4];
    private int[] sliceOfRow = new int[0];
    private int[] rowsBySlice = new int[0];
    private int[] sliceRowEnds = new int[0];
    private int[] selection = new int[0];
    private int[] groupIds = new int[0];

    SlicedWindowOperator(WindowAggregateOperatorFactory spec, AggregateKernel kernel, TaskContext context, Output output) {
        this.spec = spec;
        this.kernel = kernel;
        this.context = context;
        this.output = output;
        this.assigner = new SliceAssigner(spec.window());
        this.allocator = context.allocator().newChildAllocator(context.taskName() + "/WindowAggregate", 0, Long.MAX_VALUE);
        this.memory = new StateMemory(allocator, assigner.isGlobal() ? "the aggregation"
                : "the window aggregation " + spec.window());
        this.rows = new OutputRows(spec.outputSchema(), allocator, output, context.batchSize());
        this.results = new WindowResults(spec, kernel, rows);
    }

    @Override
    public void process(VectorSchemaRoot batch) {
        int count = batch.getRowCount();
        if (sliceOfRow.length < count) {
            sliceOfRow = new int[count];
            rowsBySlice = new int[count];
            selection = new int[count];
            groupIds = new int[count];
        }
        int sliceCount = assignSlices(batch, count);
        // The rows grouped by slice (a counting sort): after it, sliceRowEnds[s] is where slice s's rows end.
        if (sliceRowEnds.length <= sliceCount) {
            sliceRowEnds = new int[sliceCount + 1];
        }
        Arrays.fill(sliceRowEnds, 0, sliceCount + 1, 0);
        for (int row = 0; row < count; row++) {
            if (sliceOfRow[row] >= 0) {
                sliceRowEnds[sliceOfRow[row] + 1]++;
            }
        }
        for (int s = 0; s < sliceCount; s++) {
            sliceRowEnds[s + 1] += sliceRowEnds[s];
        }
        for (int row = 0; row < count; row++) {
            if (sliceOfRow[row] >= 0) {
                rowsBySlice[sliceRowEnds[sliceOfRow[row]]++] = row;
            }
        }
        int start = 0;
        for (int s = 0; s < sliceCount; s++) {
            int selected = sliceRowEnds[s] - start;
            System.arraycopy(rowsBySlice, start, selection, 0, selected);
            start = sliceRowEnds[s];
            SliceState slice = slices.computeIfAbsent(batchSlices[s], end -> newState());
            slice.groups().groupIds(batch, selection, selected, groupIds);
            slice.accumulators().ensureCapacity(slice.groups().groupCount());
            kernel.accumulate(slice.accumulators(), groupIds, batch, selection, selected);
        }
        memory.update(stateBytes());
    }

    /**
     * Finds each row's slice: its index among the batch's distinct slices, written to
     * {@code sliceOfRow}, or -1 for a row whose windows have all fired (counted late) or that has
     * no time (malformed). Returns the number of distinct slices, listed in {@code batchSlices}.
     */
    private int assignSlices(VectorSchemaRoot batch, int count) {
        if (assigner.isGlobal()) {
            Arrays.fill(sliceOfRow, 0, count, 0);
            batchSlices[0] = Long.MAX_VALUE;
            return count > 0 ? 1 : 0;
        }
        TimeStampMilliVector times = (TimeStampMilliVector) batch.getVector(spec.timeColumn());
        long data = times.getDataBufferAddress();
        long validity = times.getValidityBufferAddress();
        long late = 0;
        int sliceCount = 0;
        int last = -1;
        for (int row = 0; row < count; row++) {
            if ((MemoryUtil.getByte(validity + (row >> 3)) & (1 << (row & 7))) == 0) {
                sliceOfRow[row] = -1;
                context.metrics().reportMalformed(context.taskName(), "the window's time column is NULL", "row " + row);
                continue;
            }
            long sliceEnd = assigner.sliceEnd(MemoryUtil.getLong(data + ((long) row << 3)));
            if (SliceAssigner.isFired(assigner.lastWindowEnd(sliceEnd), watermark)) {
                sliceOfRow[row] = -1;
                late++;
                continue;
            }
            if (last < 0 || batchSlices[last] != sliceEnd) {
                last = 0;
                while (last < sliceCount && batchSlices[last] != sliceEnd) {
                    last++;
                }
                if (last == sliceCount) {
                    if (sliceCount == batchSlices.length) {
                        batchSlices = Arrays.copyOf(batchSlices, sliceCount * 2);
                    }
                    batchSlices[sliceCount++] = sliceEnd;
                }
            }
            sliceOfRow[row] = last;
        }
        if (late > 0) {
            context.metrics().addLateRecords(late);
        }
        return sliceCount;
    }

    @Override
    public void processWatermark(long newWatermark) {
        if (newWatermark <= watermark) {
            return;
        }
        long previous = watermark;
        watermark = newWatermark;
        fire(previous);
        rows.flush();
        memory.update(stateBytes());
        output.emitWatermark(newWatermark);
    }

    /**
     * Emits, oldest first, every window with rows that this watermark fires and the previous one
     * did not, and drops spent slices. A window the previous watermark passed has fired already,
     * even if it had no rows then: rows that came later belong only to the windows still open.
     */
    private void fire(long previous) {
        if (assigner.isGlobal()) {
            if (watermark == Watermarks.END) {
                fireAll();
            }
            return;
        }
        // Window ends lie on the slice grid: the first one the previous watermark left unfired.
        long next = previous == Watermarks.NONE ? Long.MIN_VALUE : assigner.sliceEnd(previous + 1);
        while (!slices.isEmpty()) {
            long windowEnd = Math.max(slices.firstKey(), next);
            if (!SliceAssigner.isFired(windowEnd, watermark)) {
                return;
            }
            emitWindow(windowEnd);
            next = windowEnd + assigner.period();
            Iterator<Map.Entry<Long, SliceState>> spent = slices.entrySet().iterator();
            while (spent.hasNext() && assigner.lastWindowEnd(spent.next().getKey()) <= windowEnd) {
                spent.remove();
            }
        }
    }

    /**
     * The one result set of a bounded GROUP BY. Without grouping keys it is one row even for no
     * input, as SQL requires ({@code SELECT COUNT(*)} of nothing is 0).
     */
    private void fireAll() {
        SliceState all = slices.isEmpty() ? newState() : slices.pollFirstEntry().getValue();
        if (spec.keyColumns().length == 0 && all.groups().groupCount() == 0) {
            all.accumulators().ensureCapacity(1);
            results.write(all.groups(), 0, all.accumulators(), 0, Long.MIN_VALUE, Long.MIN_VALUE);
        } else {
            results.writeAll(all, Long.MIN_VALUE, Long.MIN_VALUE);
        }
    }

    private void emitWindow(long windowEnd) {
        long windowStart = assigner.windowStart(windowEnd);
        NavigableMap<Long, SliceState> parts = slices.subMap(windowStart, false, windowEnd, true);
        if (parts.isEmpty()) {
            return;
        }
        if (parts.size() == 1) {
            results.writeAll(parts.firstEntry().getValue(), windowStart, windowEnd);
            return;
        }
        SliceState merged = newState();
        for (SliceState part : parts.values()) {
            GroupByHash groups = part.groups();
            for (int group = 0; group < groups.groupCount(); group++) {
                int target = merged.groups().groupOf(groups, group);
                merged.accumulators().ensureCapacity(merged.groups().groupCount());
                kernel.merge(merged.accumulators(), target, part.accumulators(), group);
            }
        }
        results.writeAll(merged, windowStart, windowEnd);
    }

    private SliceState newState() {
        return new SliceState(GroupByHashes.create(spec.inputSchema(), spec.keyColumns()), kernel.newState());
    }

    private long stateBytes() {
        long bytes = 0;
        for (SliceState slice : slices.values()) {
            bytes += slice.estimatedBytes();
        }
        return bytes;
    }

    /** The watermark, then per slice its end, its keys and their accumulators. */
    @Override
    public void snapshotState(long checkpointId, StateWriter out) throws IOException {
        OperatorSnapshot.write(out, spec.name(), shape(), () -> {
            out.writeLong(watermark);
            out.writeInt(slices.size());
            for (Map.Entry<Long, SliceState> slice : slices.entrySet()) {
                out.writeLong(slice.getKey());
                GroupByHash groups = slice.getValue().groups();
                GroupKeySnapshots.write(groups, spec.inputSchema(), spec.keyColumns(), allocator, out);
                AccumulatorSnapshots.write(slice.getValue().accumulators(), groups.groupCount(), out);
            }
        });
    }

    @Override
    public void restoreState(StateReader in) {
        OperatorSnapshot.read(in, spec.name(), shape(), () -> {
            watermark = in.readLong();
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                long sliceEnd = in.readLong();
                SliceState slice = newState();
                slices.put(sliceEnd, slice);
                int groups = GroupKeySnapshots.read(slice.groups(), spec.inputSchema(), spec.keyColumns(), allocator,
                        in);
                AccumulatorSnapshots.read(slice.accumulators(), groups, in);
            }
            memory.update(stateBytes());
        });
    }

    /** What the plan fixes about the state: the windows, the key columns and the accumulators' fields. */
    private String shape() {
        return spec.window() + " by " + GroupKeySnapshots.keySchema(spec.inputSchema(), spec.keyColumns()) + " with "
                + AccumulatorSnapshots.layout(kernel.newState());
    }

    @Override
    public void finish() {
        rows.flush();
        output.finish();
    }

    @Override
    public void close() {
        try {
            slices.clear();
            memory.close();
            rows.close();
            allocator.close();
        } finally {
            output.close();
        }
    }
}
