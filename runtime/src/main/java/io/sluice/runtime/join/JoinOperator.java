package io.sluice.runtime.join;

import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.codegen.CalcKernel;
import io.sluice.runtime.codegen.KernelCompiler;
import io.sluice.runtime.codegen.KernelContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.TwoInputOperator;
import io.sluice.runtime.state.OperatorSnapshot;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.task.TaskContext;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * See {@link JoinOperatorFactory}. A batch's rows find their partners among the other input's kept
 * rows ({@link JoinCandidates}); then the rows are applied one by one, in order, updating the counts of matches and emitting what
 * changed (Flink's {@code StreamingJoinOperator} and {@code StreamingSemiAntiJoinOperator}). Added
 * rows are appended to the state together, before the next retraction that may take them back.
 */
final class JoinOperator implements TwoInputOperator, Checkpointed {
    private final JoinOperatorFactory spec;
    private final TaskContext context;
    private final Output output;
    private final BufferAllocator allocator;
    private final JoinState state;
    private final CalcKernel condition;
    private final JoinOutput out;
    private long lastExpiry;

    private final JoinCandidates candidates;
    private int[] pendingRows = new int[0];
    private int[] pendingKeys = new int[0];
    private int[] pendingMatches = new int[0];
    private int pending;

    JoinOperator(JoinOperatorFactory spec, TaskContext context, Output output) {
        this.spec = spec;
        this.context = context;
        this.output = output;
        this.allocator = context.allocator().newChildAllocator(context.taskName() + "/Join", 0, Long.MAX_VALUE);
        this.state = new JoinState(spec.leftSchema(), spec.rightSchema(), spec.leftKeys(), spec.rightKeys(),
                allocator, "the join", context.metrics().state());
        this.condition = spec.condition() == null ? null : KernelCompiler.instantiate(spec.condition().kernelClass(),
                KernelContext.of(spec.condition().references(), context));
        this.candidates = new JoinCandidates(state, spec.leftSchema(), spec.rightSchema(), spec.leftKeys(),
                spec.rightKeys(), allocator, context.batchSize());
        this.out = new JoinOutput(spec.leftSchema(), spec.rightSchema(), spec.kind().leftOnly(), spec.emitsRowKinds(),
                allocator, output, context.batchSize());
        this.lastExpiry = context.clock().millis();
    }

    /** The operator's state, for tests that snapshot and restore it. */
    JoinState state() {
        return state;
    }

    @Override
    public void process(int input, VectorSchemaRoot batch) {
        int count = batch.getRowCount();
        if (count == 0) {
            return;
        }
        long now = context.clock().millis();
        boolean changelog = spec.carriesRowKinds(input);
        VectorSchemaRoot rows = changelog ? withoutRowKind(batch) : batch;
        TinyIntVector kinds = changelog ? RowKinds.of(batch) : null;
        candidates.find(input, rows, now, null, condition);
        out.begin(input, rows, state.side(1 - input).rows());
        for (int row = 0; row < count; row++) {
            boolean adds = kinds == null || !RowKind.retracts(kinds.get(row));
            if (spec.kind().leftOnly()) {
                semiOrAnti(input, rows, row, adds);
            } else {
                join(input, rows, row, adds);
            }
        }
        appendPending(input, rows);
        out.flush();
        state.maintain();
        expireIdleKeys(now);
    }

    /** The batch's own columns, without the row kind (sharing its vectors: not closed). */
    private static VectorSchemaRoot withoutRowKind(VectorSchemaRoot batch) {
        List<FieldVector> vectors = batch.getFieldVectors().subList(0, batch.getFieldVectors().size() - 1);
        List<Field> fields = vectors.stream().map(FieldVector::getField).toList();
        return new VectorSchemaRoot(fields, vectors, batch.getRowCount());
    }

    /** An inner or outer join's work for one input row (Flink's {@code StreamingJoinOperator}). */
    private void join(int input, VectorSchemaRoot rows, int row, boolean adds) {
        int other = 1 - input;
        JoinRows otherRows = state.side(other);
        boolean padMine = spec.kind().keepsUnmatched(input);
        boolean padOthers = spec.kind().keepsUnmatched(other);
        int from = candidates.from(row);
        int to = candidates.to(row);
        if (adds) {
            if (from == to && padMine) {
                out.add(row, JoinRows.NONE, RowKind.INSERT);
            }
            for (int k = from; k < to; k++) {
                int kept = candidates.partner(k);
                if (padOthers && otherRows.matches(kept) == 0) {
                    out.add(JoinRows.NONE, kept, RowKind.DELETE);
                }
                otherRows.addMatches(kept, 1);
                out.add(row, kept, RowKind.INSERT);
            }
            keep(row, to - from);
            return;
        }
        forget(input, rows, row);
        if (from == to && padMine) {
            out.add(row, JoinRows.NONE, RowKind.DELETE);
        }
        for (int k = from; k < to; k++) {
            int kept = candidates.partner(k);
            out.add(row, kept, RowKind.DELETE);
            if (otherRows.addMatches(kept, -1) == 0 && padOthers) {
                out.add(JoinRows.NONE, kept, RowKind.INSERT);
            }
        }
    }

    /**
     * A semi or anti join's work for one input row (Flink's {@code StreamingSemiAntiJoinOperator}):
     * a left row is emitted while it has partners (semi) or none (anti); a right row changes its
     * left partners' counts, which emits or takes back those whose count leaves or reaches zero.
     */
    private void semiOrAnti(int input, VectorSchemaRoot rows, int row, boolean adds) {
        boolean semi = spec.kind() == JoinKind.SEMI;
        int from = candidates.from(row);
        int to = candidates.to(row);
        if (input == 0) {
            if (!adds) {
                forget(input, rows, row);
            }
            if (semi == (to > from)) {
                out.add(row, JoinRows.NONE, adds ? RowKind.INSERT : RowKind.DELETE);
            }
            if (adds) {
                keep(row, to - from);
            }
            return;
        }
        if (!adds) {
            forget(input, rows, row);
        }
        JoinRows left = state.side(0);
        for (int k = from; k < to; k++) {
            int kept = candidates.partner(k);
            int matches = left.addMatches(kept, adds ? 1 : -1);
            if (matches == (adds ? 1 : 0)) {
                // semi: a first partner adds the left row, a last one gone takes it back; anti the reverse
                out.add(JoinRows.NONE, kept, adds == semi ? RowKind.INSERT : RowKind.DELETE);
            }
        }
        if (adds) {
            keep(row, 0);
        }
    }

    /** Marks an added row to be kept (rows with a NULL key are not: they never match). */
    private void keep(int row, int matches) {
        if (candidates.keyId(row) == JoinCandidates.NO_KEY) {
            return;
        }
        if (pending == pendingRows.length) {
            int size = Math.max(16, pending * 2);
            pendingRows = Arrays.copyOf(pendingRows, size);
            pendingKeys = Arrays.copyOf(pendingKeys, size);
            pendingMatches = Arrays.copyOf(pendingMatches, size);
        }
        pendingRows[pending] = row;
        pendingKeys[pending] = candidates.keyId(row);
        pendingMatches[pending] = matches;
        pending++;
    }

    /** Takes back the kept row a retraction names (after keeping the rows added before it). */
    private void forget(int input, VectorSchemaRoot rows, int row) {
        if (candidates.keyId(row) == JoinCandidates.NO_KEY) {
            return;
        }
        appendPending(input, rows);
        JoinRows mine = state.side(input);
        int kept = mine.find(candidates.keyId(row), rows, row);
        if (kept != JoinRows.NONE) {
            mine.remove(kept);
        }
    }

    private void appendPending(int input, VectorSchemaRoot rows) {
        state.side(input).append(rows, pendingRows, pending, pendingKeys, pendingMatches);
        pending = 0;
    }

    private void expireIdleKeys(long now) {
        if (spec.stateTtl().enabled() && now - lastExpiry >= Math.max(1, spec.stateTtl().millis() / 4)) {
            state.expire(spec.stateTtl().cutoff(now));
            lastExpiry = now;
        }
    }

    @Override
    public void processWatermark(long watermark) {
        expireIdleKeys(context.clock().millis());
        output.emitWatermark(watermark);
    }

    /** Both inputs' kept rows (see {@link JoinState#snapshot}), then when idle keys were last looked for. */
    @Override
    public void snapshotState(long checkpointId, StateWriter out) throws IOException {
        OperatorSnapshot.write(out, spec.name(), shape(), () -> {
            state.snapshot(out);
            out.writeLong(lastExpiry);
        });
    }

    @Override
    public void restoreState(StateReader in) {
        OperatorSnapshot.read(in, spec.name(), shape(), () -> {
            state.restore(in);
            lastExpiry = in.readLong();
        });
    }

    /** What the plan fixes about the state: the join's kind and both inputs' columns and keys. */
    private String shape() {
        return spec.kind() + " of " + spec.leftSchema() + " by " + Arrays.toString(spec.leftKeys()) + " and "
                + spec.rightSchema() + " by " + Arrays.toString(spec.rightKeys());
    }

    @Override
    public void finish() {
        output.finish();
    }

    @Override
    public void close() {
        try {
            state.close();
            allocator.close();
        } finally {
            output.close();
        }
    }
}
