package io.sluice.runtime.aggregate;

import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.codegen.AccumulatorState;
import io.sluice.runtime.codegen.AggregateKernel;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.OutputRows;
import io.sluice.runtime.state.KeyedState;
import io.sluice.runtime.state.OperatorSnapshot;
import io.sluice.runtime.state.StateMemory;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.window.group.GroupKeySnapshots;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compare.Range;
import org.apache.arrow.vector.compare.RangeEqualsVisitor;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Runs a {@link GroupAggregateOperatorFactory}: per input batch, the results of the groups the
 * batch touches are written before the batch is accumulated and after, and only what changed is
 * emitted, one change per group per batch (Flink's mini-batch aggregation): a group whose rows
 * came and went within the batch, or whose result is the same, emits nothing.
 */
final class GroupAggregateOperator implements Operator, Checkpointed {
    private final GroupAggregateOperatorFactory spec;
    private final AggregateKernel kernel;
    private final TaskContext context;
    private final Output output;
    private final BufferAllocator allocator;
    private final StateMemory memory;
    private final GroupAggregateState state;
    private final OutputRows rows;
    /** Results of the touched groups before and after the batch, row i for the i-th touched group. */
    private final VectorSchemaRoot before;
    private final VectorSchemaRoot after;
    private final RangeEqualsVisitor[] resultEquals;
    private final int[] keyOutputColumns;
    private int[] selection = new int[0];
    private int[] groupIds = new int[0];
    private final TouchedGroups touched = new TouchedGroups();
    private boolean[] wasLive = new boolean[0];
    private long nextExpiry = Long.MIN_VALUE;

    GroupAggregateOperator(GroupAggregateOperatorFactory spec, AggregateKernel kernel, TaskContext context,
                           Output output) {
        this.spec = spec;
        this.kernel = kernel;
        this.context = context;
        this.output = output;
        this.allocator = context.allocator().newChildAllocator(context.taskName() + "/GroupAggregate", 0, Long.MAX_VALUE);
        this.memory = new StateMemory(allocator, "the GROUP BY aggregation", context.metrics().state());
        this.state = new GroupAggregateState(spec.inputSchema(), spec.keyColumns(), kernel, allocator);
        this.rows = new OutputRows(spec.outputSchema(), allocator, output, context.batchSize());
        List<Field> fields = spec.outputSchema().getFields();
        Schema results = new Schema(fields.subList(0, fields.size() - 1));
        this.before = VectorSchemaRoot.create(results, allocator);
        this.after = VectorSchemaRoot.create(results, allocator);
        this.keyOutputColumns = new int[spec.keyColumns().length];
        Arrays.setAll(keyOutputColumns, i -> i);
        this.resultEquals = new RangeEqualsVisitor[results.getFields().size() - keyOutputColumns.length];
        for (int i = 0; i < resultEquals.length; i++) {
            int column = keyOutputColumns.length + i;
            resultEquals[i] = new RangeEqualsVisitor(before.getVector(column), after.getVector(column));
        }
    }

    /** The groups' state, for snapshots. */
    KeyedState state() {
        return state;
    }

    @Override
    public void process(VectorSchemaRoot batch) {
        int count = batch.getRowCount();
        if (count == 0) {
            return;
        }
        long now = context.clock().millis();
        expireIdle(now);
        if (selection.length < count) {
            selection = new int[count];
            Arrays.setAll(selection, i -> i);
            groupIds = new int[count];
            wasLive = new boolean[count];
        }
        state.groupIds(batch, selection, count, groupIds);
        int touchedCount = touched.list(groupIds, count, state.groups().groupCount());
        resetResults();
        for (int i = 0; i < touchedCount; i++) {
            wasLive[i] = state.isLive(touched.group(i));
            if (wasLive[i]) {
                writeResult(before, touched.group(i), i);
            }
        }
        kernel.accumulate(state.accumulators(), groupIds, batch, selection, count);
        countRows(batch, count, now);
        for (int i = 0; i < touchedCount; i++) {
            if (state.isLive(touched.group(i))) {
                writeResult(after, touched.group(i), i);
            }
        }
        before.setRowCount(touchedCount);
        after.setRowCount(touchedCount);
        emitChanges(touchedCount);
        rows.flush();
        state.compactIfSparse();
        memory.update(state.estimatedBytes(), state);
    }

    private void countRows(VectorSchemaRoot batch, int count, long now) {
        if (!spec.changelog()) {
            for (int j = 0; j < count; j++) {
                state.count(groupIds[j], 1, now);
            }
            return;
        }
        TinyIntVector kinds = RowKinds.of(batch);
        for (int j = 0; j < count; j++) {
            state.count(groupIds[j], RowKind.retracts(kinds.get(j)) ? -1 : 1, now);
        }
    }

    private void emitChanges(int touchedCount) {
        for (int i = 0; i < touchedCount; i++) {
            int group = touched.group(i);
            boolean live = state.isLive(group);
            if (wasLive[i] && !live) {
                emit(before, i, RowKind.DELETE);
                state.remove(group, true);
            } else if (wasLive[i]) {
                if (!sameResult(i)) {
                    if (spec.updateBefore()) {
                        emit(before, i, RowKind.UPDATE_BEFORE);
                    }
                    emit(after, i, RowKind.UPDATE_AFTER);
                }
            } else if (live) {
                emit(after, i, RowKind.INSERT);
                state.becameLive();
            } else {
                state.remove(group, false);
            }
        }
    }

    private void writeResult(VectorSchemaRoot results, int group, int row) {
        state.groups().writeKey(group, results, row, keyOutputColumns);
        kernel.emit(state.accumulators(), group, results, row);
    }

    private boolean sameResult(int row) {
        Range range = new Range(row, row, 1);
        for (RangeEqualsVisitor equals : resultEquals) {
            if (!equals.rangeEquals(range)) {
                return false;
            }
        }
        return true;
    }

    private void emit(VectorSchemaRoot results, int row, RowKind kind) {
        int target = rows.nextRow();
        VectorSchemaRoot batch = rows.batch();
        List<FieldVector> vectors = results.getFieldVectors();
        for (int c = 0; c < vectors.size(); c++) {
            batch.getVector(c).copyFromSafe(row, target, vectors.get(c));
        }
        RowKinds.set(RowKinds.of(batch), target, kind);
    }

    /** The result of the accumulators of a group that holds no rows. */
    private void insertResultOfNoRows() {
        AccumulatorState empty = kernel.newState();
        empty.ensureCapacity(1);
        resetResults();
        kernel.emit(empty, 0, after, 0);
        after.setRowCount(1);
        emit(after, 0, RowKind.INSERT);
    }

    private void resetResults() {
        for (FieldVector vector : before.getFieldVectors()) {
            vector.reset();
        }
        for (FieldVector vector : after.getFieldVectors()) {
            vector.reset();
        }
    }

    /**
     * Drops the groups idle for longer than the state TTL, without a {@code -D} (as Flink): their
     * keys start over when they come again. Looked at a few times per TTL, not on every batch.
     */
    private void expireIdle(long now) {
        if (!spec.stateTtl().enabled() || now < nextExpiry) {
            return;
        }
        state.expire(spec.stateTtl().cutoff(now));
        nextExpiry = now + Math.max(1, spec.stateTtl().millis() / 4);
    }

    @Override
    public void processWatermark(long watermark) {
        expireIdle(context.clock().millis());
        memory.update(state.estimatedBytes(), state);
        output.emitWatermark(watermark);
    }

    /** The groups (see {@link GroupAggregateState#snapshot}), then when idle groups are looked for next. */
    @Override
    public void snapshotState(long checkpointId, StateWriter out) throws IOException {
        OperatorSnapshot.write(out, spec.name(), shape(), () -> {
            state.snapshot(out);
            out.writeLong(nextExpiry);
        });
    }

    @Override
    public void restoreState(StateReader in) {
        OperatorSnapshot.read(in, spec.name(), shape(), () -> {
            state.restore(in);
            nextExpiry = in.readLong();
            memory.update(state.estimatedBytes());
        });
    }

    /** What the plan fixes about the state: the key columns and the accumulators' fields. */
    private String shape() {
        return GroupKeySnapshots.keySchema(spec.inputSchema(), spec.keyColumns()) + " with "
                + AccumulatorSnapshots.layout(kernel.newState());
    }

    @Override
    public void finish() {
        if (spec.finalResult() && keyOutputColumns.length == 0 && state.liveGroups() == 0) {
            insertResultOfNoRows();
        }
        rows.flush();
        output.finish();
    }

    @Override
    public void close() {
        try {
            state.close();
            memory.close();
            rows.close();
            before.close();
            after.close();
            allocator.close();
        } finally {
            output.close();
        }
    }
}
