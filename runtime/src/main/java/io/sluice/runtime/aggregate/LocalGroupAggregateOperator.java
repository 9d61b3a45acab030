package io.sluice.runtime.aggregate;

import io.sluice.runtime.codegen.AccumulatorState;
import io.sluice.runtime.codegen.AggregateKernel;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.OutputRows;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.window.group.GroupByHash;
import io.sluice.runtime.window.group.GroupByHashes;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs a {@link LocalGroupAggregateOperatorFactory}: each batch's rows are accumulated by key and
 * the partial results are emitted, one row per key the batch touched in order of the key's first
 * row, before the next batch; then those keys' accumulators are cleared. The keys stay numbered
 * in the hash, so that a key that comes again (as hot keys do) costs no insertion, until they are
 * more than {@link #MAX_KEPT_KEYS} and the hash starts afresh. Watermarks pass through after the
 * partial results of the rows before them.
 */
final class LocalGroupAggregateOperator implements Operator {
    /** Keys the hash may keep between batches; past this it is emptied, so that the step holds little. */
    static final int MAX_KEPT_KEYS = 1 << 16;

    private final AggregateKernel kernel;
    private final Output output;
    private final BufferAllocator allocator;
    private final OutputRows rows;
    private final int[] keyOutputColumns;
    private GroupByHash groups;
    private final AccumulatorState accumulators;
    private int[] selection = new int[0];
    private int[] groupIds = new int[0];
    private final TouchedGroups touched = new TouchedGroups();

    LocalGroupAggregateOperator(LocalGroupAggregateOperatorFactory spec, AggregateKernel kernel, TaskContext context,
                                Output output) {
        this.kernel = kernel;
        this.output = output;
        this.allocator = context.allocator().newChildAllocator(context.taskName() + "/LocalGroupAggregate", 0,
                Long.MAX_VALUE);
        this.rows = new OutputRows(spec.outputSchema(), allocator, output, context.batchSize());
        this.keyOutputColumns = new int[spec.keyColumns().length];
        Arrays.setAll(keyOutputColumns, i -> i);
        this.groups = GroupByHashes.create(spec.inputSchema(), spec.keyColumns());
        this.accumulators = kernel.newState();
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
            groupIds = new int[count];
        }
        groups.groupIds(batch, selection, count, groupIds);
        accumulators.ensureCapacity(groups.groupCount());
        kernel.accumulate(accumulators, groupIds, batch, selection, count);
        int touchedCount = touched.list(groupIds, count, groups.groupCount());
        for (int i = 0; i < touchedCount; i++) {
            int group = touched.group(i);
            int row = rows.nextRow();
            groups.writeKey(group, rows.batch(), row, keyOutputColumns);
            kernel.emit(accumulators, group, rows.batch(), row);
            accumulators.clear(group);
        }
        rows.flush();
        if (groups.groupCount() > MAX_KEPT_KEYS) {
            groups = groups.emptyCopy();
        }
    }

    @Override
    public void processWatermark(long watermark) {
        output.emitWatermark(watermark);
    }

    @Override
    public void finish() {
        output.finish();
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
