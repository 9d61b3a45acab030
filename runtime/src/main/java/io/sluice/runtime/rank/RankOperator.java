package io.sluice.runtime.rank;

import io.sluice.runtime.Clock;
import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.OutputRows;
import io.sluice.runtime.sort.RowComparator;
import io.sluice.runtime.state.OperatorSnapshot;
import io.sluice.runtime.state.StateMemory;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.state.StateTtl;
import io.sluice.runtime.task.TaskContext;
import java.io.IOException;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs a Top-N ({@link RankOperatorFactory}). Each input row is put into (or, for a retraction,
 * taken out of) its partition's sorted rows; the rows whose rank is in range before and after
 * are compared, and what changed is emitted: a row that leaves the range and one that enters it
 * as {@code -U}/{@code +U} (a pair; an unpaired one as {@code -D} or {@code +I}), a row whose rank
 * changed, when the rank is output, as {@code -U}/{@code +U}. Only rows at or after the changed
 * position can change. Over an append-only input a row's rank only grows, so a partition keeps
 * only the rows ranked within range, and a row that cannot enter is not copied at all; over a
 * changelog it keeps every row, so that a retraction can promote the next one.
 */
final class RankOperator implements Operator, Checkpointed {
    /** How many batches pass between two looks for idle partitions. */
    private static final int EXPIRE_EVERY_BATCHES = 64;

    private final RankOperatorFactory spec;
    private final Output output;
    private final Clock clock;
    private final StateTtl ttl;
    private final BufferAllocator allocator;
    private final StateMemory memory;
    private final RankState state;
    private final OutputRows rows;
    private final int width;
    private final RankChanges changes = new RankChanges();
    private int[] selection = new int[0];
    private int[] partitions = new int[0];
    private long[] ranksBefore = new long[16];
    private long[] ranksAfter = new long[16];
    private int batches;

    RankOperator(RankOperatorFactory spec, TaskContext context, Output output) {
        this.spec = spec;
        this.output = output;
        this.clock = context.clock();
        this.ttl = spec.stateTtl();
        this.allocator = context.allocator().newChildAllocator(context.taskName() + "/Rank", 0, Long.MAX_VALUE);
        this.memory = new StateMemory(allocator, "the Top-N", context.metrics().state());
        this.state = new RankState(spec.rowSchema(), spec.partitionKeys(),
                new RowComparator(spec.rowSchema(), spec.order()), allocator);
        this.rows = new OutputRows(spec.outputSchema(), allocator, output, context.batchSize());
        this.width = spec.rowSchema().getFields().size();
    }

    /** The state, for tests that snapshot and restore it. */
    RankState state() {
        return state;
    }

    @Override
    public void process(VectorSchemaRoot batch) {
        int count = batch.getRowCount();
        if (selection.length < count) {
            selection = new int[count];
            for (int i = 0; i < count; i++) {
                selection[i] = i;
            }
            partitions = new int[count];
        }
        state.partitionsOf(batch, count, selection, partitions);
        TinyIntVector kinds = spec.updatingInput() ? RowKinds.of(batch) : null;
        long now = ttl.enabled() ? clock.millis() : 0;
        for (int row = 0; row < count; row++) {
            int partition = partitions[row];
            if (kinds == null || !RowKind.retracts(kinds.get(row))) {
                add(partition, batch, row);
            } else {
                retract(partition, batch, row);
            }
            state.touch(partition, now);
        }
        rows.flush();
        state.compactIfWasteful();
        if (ttl.enabled() && ++batches % EXPIRE_EVERY_BATCHES == 0) {
            state.expire(ttl.cutoff(now));
        }
        memory.update(state.heapBytes(), state);
    }

    private void add(int partition, VectorSchemaRoot batch, int row) {
        int position = state.insertionPoint(partition, batch, row, spec.newestTiesFirst());
        if (!spec.updatingInput() && spec.function() == RankFunction.ROW_NUMBER && position >= spec.high()) {
            return;
        }
        makeRoom(state.size(partition) + 1);
        int before = ranks(partition, ranksBefore);
        state.insert(partition, position, batch, row);
        int after = ranks(partition, ranksAfter);
        changes.clear();
        changes.add(state.slot(partition, position), false, 0, isOutput(ranksAfter, after, position),
                position < after ? ranksAfter[position] : 0);
        // the rows from the new one's position on moved one down
        for (int old = position; old < before; old++) {
            changes.add(state.slot(partition, old + 1), isOutput(ranksBefore, before, old), ranksBefore[old],
                    isOutput(ranksAfter, after, old + 1), old + 1 < after ? ranksAfter[old + 1] : 0);
        }
        emit();
        if (!spec.updatingInput()) {
            state.truncate(partition, after);
        }
    }

    private void retract(int partition, VectorSchemaRoot batch, int row) {
        int position = state.find(partition, batch, row);
        if (position < 0) {
            // not kept: its partition's state expired, or the row was never ranked high enough to be kept
            return;
        }
        makeRoom(state.size(partition));
        int before = ranks(partition, ranksBefore);
        int removed = state.slot(partition, position);
        state.remove(partition, position);
        int after = ranks(partition, ranksAfter);
        changes.clear();
        changes.add(removed, isOutput(ranksBefore, before, position), position < before ? ranksBefore[position] : 0,
                false, 0);
        // the rows after it moved one up; one ranked out of range before may now be in it
        for (int old = position + 1; old < Math.max(before, after + 1) && old - 1 < state.size(partition); old++) {
            changes.add(state.slot(partition, old - 1), isOutput(ranksBefore, before, old),
                    old < before ? ranksBefore[old] : 0, isOutput(ranksAfter, after, old - 1),
                    old - 1 < after ? ranksAfter[old - 1] : 0);
        }
        emit();
    }

    private boolean isOutput(long[] ranks, int ranked, int position) {
        return position < ranked && ranks[position] >= spec.low();
    }

    private int ranks(int partition, long[] ranks) {
        return state.ranks(partition, spec.function(), spec.high(), ranks);
    }

    private void makeRoom(int size) {
        if (ranksBefore.length < size) {
            ranksBefore = Arrays.copyOf(ranksBefore, Math.max(size, ranksBefore.length * 2));
            ranksAfter = Arrays.copyOf(ranksAfter, ranksBefore.length);
        }
    }

    /** Leaving and entering rows paired as updates, then moved rows (when the rank is output), then the rest. */
    private void emit() {
        int pairs = Math.min(changes.leaving, changes.entering);
        for (int i = 0; i < pairs; i++) {
            write(changes.leavingSlots[i], changes.leavingRanks[i], RowKind.UPDATE_BEFORE);
            write(changes.enteringSlots[i], changes.enteringRanks[i], RowKind.UPDATE_AFTER);
        }
        if (spec.outputRank()) {
            for (int i = 0; i < changes.moved; i++) {
                write(changes.movedSlots[i], changes.movedFrom[i], RowKind.UPDATE_BEFORE);
                write(changes.movedSlots[i], changes.movedTo[i], RowKind.UPDATE_AFTER);
            }
        }
        for (int i = pairs; i < changes.leaving; i++) {
            write(changes.leavingSlots[i], changes.leavingRanks[i], RowKind.DELETE);
        }
        for (int i = pairs; i < changes.entering; i++) {
            write(changes.enteringSlots[i], changes.enteringRanks[i], RowKind.INSERT);
        }
    }

    private void write(int slot, long rank, RowKind kind) {
        int row = rows.nextRow();
        VectorSchemaRoot out = rows.batch();
        VectorSchemaRoot kept = state.rows();
        for (int c = 0; c < width; c++) {
            out.getVector(c).copyFromSafe(slot, row, kept.getVector(c));
        }
        if (spec.outputRank()) {
            ((BigIntVector) out.getVector(width)).setSafe(row, rank);
        }
        RowKinds.set(RowKinds.of(out), row, kind);
    }

    @Override
    public void processWatermark(long watermark) {
        rows.flush();
        output.emitWatermark(watermark);
    }

    /** The partitions' rows (see {@link RankState#snapshot}), then how many batches came, which times expiry. */
    @Override
    public void snapshotState(long checkpointId, StateWriter out) throws IOException {
        OperatorSnapshot.write(out, spec.name(), shape(), () -> {
            state.snapshot(out);
            out.writeInt(batches);
        });
    }

    @Override
    public void restoreState(StateReader in) {
        OperatorSnapshot.read(in, spec.name(), shape(), () -> {
            state.restore(in);
            batches = in.readInt();
            memory.update(state.heapBytes());
        });
    }

    /** What the plan fixes about the state: the rows' columns and how they are partitioned, ordered and ranked. */
    private String shape() {
        return spec.rowSchema() + " partitioned by " + Arrays.toString(spec.partitionKeys()) + " ordered by "
                + spec.order() + ", " + spec.function() + " " + spec.low() + " to " + spec.high()
                + (spec.updatingInput() ? " of a changelog" : "");
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
