package io.sluice.runtime.changelog.normalize;

import io.sluice.runtime.Clock;
import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.OutputRows;
import io.sluice.runtime.state.OperatorSnapshot;
import io.sluice.runtime.state.StateMemory;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.state.StateTtl;
import io.sluice.runtime.task.TaskContext;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Normalises one task's share of an upsert changelog (see {@link ChangelogNormalizeOperatorFactory}).
 * For each input row, in order: an upsert ({@code +I} or {@code +U}) of a new key is emitted as
 * {@code +I}; of a known key as {@code -U} of the kept row then {@code +U} of the new one, or not at
 * all if the row is unchanged; a delete ({@code -D}) of a known key as {@code -D} of the kept row
 * (a tombstone carries only the key), and of an unknown key not at all. An old value ({@code -U})
 * in the input is skipped: the kept row stands for it. Each batch's changes are emitted before the
 * operator returns.
 */
final class ChangelogNormalizeOperator implements Operator, Checkpointed {
    private static final byte UPDATE_BEFORE = RowKind.UPDATE_BEFORE.code();
    private static final byte DELETE = RowKind.DELETE.code();

    private final BufferAllocator allocator;
    private final LastRowState state;
    private final StateMemory memory;
    private final OutputRows out;
    private final Output output;
    private final Clock clock;
    private final StateTtl ttl;
    private final ChangelogNormalizeOperatorFactory spec;
    private long nextExpiry;

    ChangelogNormalizeOperator(ChangelogNormalizeOperatorFactory factory, TaskContext context, Output output) {
        this.output = output;
        this.clock = context.clock();
        this.ttl = factory.ttl();
        this.spec = factory;
        this.allocator = context.allocator().newChildAllocator(context.taskName() + "/ChangelogNormalize", 0,
                Long.MAX_VALUE);
        List<Field> fields = factory.schema().getFields();
        LastRowState created = null;
        OutputRows rows = null;
        try {
            created = new LastRowState(new Schema(fields.subList(0, fields.size() - 1)), factory.keyColumns(),
                    allocator);
            rows = new OutputRows(factory.schema(), allocator, output, context.batchSize());
        } catch (RuntimeException e) {
            if (created != null) {
                created.close();
            }
            allocator.close();
            throw e;
        }
        this.state = created;
        this.out = rows;
        this.memory = new StateMemory(allocator, "the normalisation of an upsert changelog",
                context.metrics().state());
        this.nextExpiry = ttl.enabled() ? clock.millis() + ttl.millis() : Long.MAX_VALUE;
    }

    @Override
    public void process(VectorSchemaRoot batch) {
        int count = batch.getRowCount();
        TinyIntVector kinds = RowKinds.of(batch);
        int[] ids = state.ids(batch, count);
        long now = clock.millis();
        for (int row = 0; row < count; row++) {
            byte kind = kinds.get(row);
            int id = ids[row];
            if (kind == UPDATE_BEFORE) {
                continue;
            }
            if (kind == DELETE) {
                if (state.has(id)) {
                    emitKept(id, RowKind.DELETE);
                    state.remove(id);
                }
            } else if (!state.has(id)) {
                emitNew(batch, row, RowKind.INSERT);
                state.put(id, batch, row, now);
            } else if (state.sameAs(id, batch, row)) {
                state.touch(id, now);
            } else {
                emitKept(id, RowKind.UPDATE_BEFORE);
                emitNew(batch, row, RowKind.UPDATE_AFTER);
                state.put(id, batch, row, now);
            }
        }
        out.flush();
        if (now >= nextExpiry) {
            state.expire(ttl.cutoff(now));
            nextExpiry = now + ttl.millis();
        } else {
            state.compactIfSparse();
        }
        memory.update(state.heapBytes(), state);
    }

    private void emitKept(int id, RowKind kind) {
        int row = out.nextRow();
        state.copyTo(id, out.batch(), row);
        RowKinds.set(RowKinds.of(out.batch()), row, kind);
    }

    private void emitNew(VectorSchemaRoot batch, int from, RowKind kind) {
        int row = out.nextRow();
        VectorSchemaRoot target = out.batch();
        int columns = target.getFieldVectors().size() - 1;
        for (int c = 0; c < columns; c++) {
            target.getVector(c).copyFromSafe(from, row, batch.getVector(c));
        }
        RowKinds.set(RowKinds.of(target), row, kind);
    }

    @Override
    public void processWatermark(long watermark) {
        out.flush();
        output.emitWatermark(watermark);
    }

    /** Each key's last row (see {@link LastRowState#snapshot}), then when idle keys are looked for next. */
    @Override
    public void snapshotState(long checkpointId, StateWriter writer) throws IOException {
        OperatorSnapshot.write(writer, spec.name(), shape(), () -> {
            state.snapshot(writer);
            writer.writeLong(nextExpiry);
        });
    }

    @Override
    public void restoreState(StateReader in) {
        OperatorSnapshot.read(in, spec.name(), shape(), () -> {
            state.restore(in);
            nextExpiry = in.readLong();
            memory.update(state.heapBytes());
        });
    }

    /** What the plan fixes about the state: the rows' columns and the key's. */
    private String shape() {
        return spec.schema() + " by " + Arrays.toString(spec.keyColumns());
    }

    @Override
    public void finish() {
        out.flush();
        output.finish();
    }

    /** Frees the state and the output batch, then closes the operators after this one. */
    @Override
    public void close() {
        try {
            out.close();
            state.close();
            memory.close();
            allocator.close();
        } finally {
            output.close();
        }
    }
}
