package io.sluice.runtime.window;

import io.sluice.runtime.codegen.AggregateKernel;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.Watermarks;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.window.group.GroupByHash;
import io.sluice.runtime.window.group.GroupByHashes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
final class SlicedWindowOperator implements Operator {
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
    private long firedUpTo = Long.MIN_VALUE;
    private long[] sliceEnds = new long[0];
    private int[] selection = new int[0];
    private int[] groupIds = new int[0];

    SlicedWindowOperator(WindowAggregateOperatorFactory spec, AggregateKernel kernel, TaskContext context, Output output) {
        this.spec = spec;
        this.kernel = kernel;
        this.context = context;
        this.output = output;
        this.assigner = new SliceAssigner(spec.window());
        this.allocator = context.allocator().newChildAllocator(context.taskName() + "/WindowAggregate", 0, Long.MAX_VALUE);
        this.memory = new StateMemory(allocator, "the window aggregation " + spec.window());
        this.rows = new OutputRows(spec.outputSchema(), allocator, output, context.batchSize());
        this.results = new WindowResults(spec, kernel, rows);
    }

    @Override
    public void process(VectorSchemaRoot batch) {
        int count = batch.getRowCount();
        if (sliceEnds.length < count) {
            sliceEnds = new long[count];
            selection = new int[count];
            groupIds = new int[count];
        }
        List<Long> distinct = assignSlices(batch, count);
        for (long sliceEnd : distinct) {
            int selected = 0;
            for (int row = 0; row < count; row++) {
                if (sliceEnds[row] == sliceEnd) {
                    selection[selected++] = row;
                }
            }
            SliceState slice = slices.computeIfAbsent(sliceEnd, end -> newState());
            slice.groups().groupIds(batch, selection, selected, groupIds);
            slice.accumulators().ensureCapacity(slice.groups().groupCount());
            kernel.accumulate(slice.accumulators(), groupIds, batch, selection, selected);
        }
        memory.update(stateBytes());
    }

    /**
     * Writes each row's slice end; rows whose windows have all fired are counted late and
     * marked with {@code Long.MIN_VALUE}. Returns the distinct slices of the batch.
     */
    private List<Long> assignSlices(VectorSchemaRoot batch, int count) {
        List<Long> distinct = new ArrayList<>(2);
        if (assigner.isGlobal()) {
            java.util.Arrays.fill(sliceEnds, 0, count, Long.MAX_VALUE);
            distinct.add(Long.MAX_VALUE);
            return distinct;
        }
        TimeStampMilliVector times = (TimeStampMilliVector) batch.getVector(spec.timeColumn());
        long data = times.getDataBufferAddress();
        long validity = times.getValidityBufferAddress();
        long late = 0;
        long previous = Long.MIN_VALUE;
        for (int row = 0; row < count; row++) {
            if ((MemoryUtil.getByte(validity + (row >> 3)) & (1 << (row & 7))) == 0) {
                sliceEnds[row] = Long.MIN_VALUE;
                context.metrics().reportMalformed(context.taskName(), "the window's time column is NULL", "row " + row);
                continue;
            }
            long sliceEnd = assigner.sliceEnd(MemoryUtil.getLong(data + ((long) row << 3)));
            if (SliceAssigner.isFired(assigner.lastWindowEnd(sliceEnd), watermark)) {
                sliceEnds[row] = Long.MIN_VALUE;
                late++;
                continue;
            }
            sliceEnds[row] = sliceEnd;
            if (sliceEnd != previous && !distinct.contains(sliceEnd)) {
                distinct.add(sliceEnd);
            }
            previous = sliceEnd;
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
        fire();
        rows.flush();
        memory.update(stateBytes());
        output.emitWatermark(newWatermark);
    }

    /** Emits every window whose end the watermark has passed, oldest first, and drops spent slices. */
    private void fire() {
        if (assigner.isGlobal()) {
            if (watermark == Watermarks.END && !slices.isEmpty()) {
                results.writeAll(slices.pollFirstEntry().getValue(), Long.MIN_VALUE, Long.MIN_VALUE);
            }
            return;
        }
        while (!slices.isEmpty()) {
            long windowEnd = Math.max(slices.firstKey(),
                    firedUpTo == Long.MIN_VALUE ? Long.MIN_VALUE : firedUpTo + assigner.period());
            if (!SliceAssigner.isFired(windowEnd, watermark)) {
                return;
            }
            emitWindow(windowEnd);
            firedUpTo = windowEnd;
            Iterator<Map.Entry<Long, SliceState>> spent = slices.entrySet().iterator();
            while (spent.hasNext() && assigner.lastWindowEnd(spent.next().getKey()) <= windowEnd) {
                spent.remove();
            }
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
