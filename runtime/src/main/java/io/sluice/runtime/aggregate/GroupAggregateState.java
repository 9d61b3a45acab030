package io.sluice.runtime.aggregate;

import io.sluice.runtime.codegen.AccumulatorState;
import io.sluice.runtime.codegen.AggregateKernel;
import io.sluice.runtime.state.KeyedState;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.window.group.GroupByHash;
import io.sluice.runtime.window.group.GroupByHashes;
import io.sluice.runtime.window.group.GroupKeySnapshots;
import java.io.IOException;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The groups of a non-windowed aggregation: key to dense group id ({@link GroupByHash}), each
 * group's accumulators ({@link AccumulatorState}), how many rows it holds now, and when it was last
 * touched (for {@code 'table.exec.state.ttl'}). A group whose rows all went (or that expired) is
 * cleared; its id stays in the hash, ready for its key to come back, until empty groups outnumber
 * the others and the state is compacted.
 */
final class GroupAggregateState implements KeyedState {
    /** Fewer empty groups than this are never worth compacting away. */
    private static final int MIN_COMPACTION = 1024;

    private final Schema inputSchema;
    private final int[] keyColumns;
    private final AggregateKernel kernel;
    private final BufferAllocator allocator;
    private GroupByHash groups;
    private AccumulatorState accumulators;
    private long[] rowCounts = new long[0];
    private long[] lastAccess = new long[0];
    private int liveGroups;

    GroupAggregateState(Schema inputSchema, int[] keyColumns, AggregateKernel kernel, BufferAllocator allocator) {
        this.inputSchema = inputSchema;
        this.keyColumns = keyColumns.clone();
        this.kernel = kernel;
        this.allocator = allocator;
        this.groups = GroupByHashes.create(inputSchema, keyColumns);
        this.accumulators = kernel.newState();
    }

    GroupByHash groups() {
        return groups;
    }

    AccumulatorState accumulators() {
        return accumulators;
    }

    /** Finds (or adds) the groups of the selected rows and makes room for them. */
    void groupIds(VectorSchemaRoot batch, int[] selection, int count, int[] groupIds) {
        groups.groupIds(batch, selection, count, groupIds);
        int capacity = groups.groupCount();
        accumulators.ensureCapacity(capacity);
        if (rowCounts.length < capacity) {
            int grown = Math.max(capacity, 2 * rowCounts.length);
            rowCounts = Arrays.copyOf(rowCounts, grown);
            lastAccess = Arrays.copyOf(lastAccess, grown);
        }
    }

    /** True if the group holds rows: it has a result. */
    boolean isLive(int group) {
        return rowCounts[group] > 0;
    }

    /** Counts rows added to ({@code delta} 1) or taken out of (-1) a group, touched at {@code nowMillis}. */
    void count(int group, long delta, long nowMillis) {
        rowCounts[group] += delta;
        lastAccess[group] = nowMillis;
    }

    /** After a batch: a group went from no rows to some. */
    void becameLive() {
        liveGroups++;
    }

    /** Clears a group whose rows all went; {@code wasLive} if it held rows before the batch. */
    void remove(int group, boolean wasLive) {
        accumulators.clear(group);
        rowCounts[group] = 0;
        if (wasLive) {
            liveGroups--;
        }
    }

    int liveGroups() {
        return liveGroups;
    }

    /** The groups that hold rows. */
    @Override
    public long keyCount() {
        return liveGroups;
    }

    @Override
    public int expire(long cutoffMillis) {
        int expired = 0;
        for (int group = 0; group < groups.groupCount(); group++) {
            if (rowCounts[group] > 0 && lastAccess[group] < cutoffMillis) {
                remove(group, true);
                expired++;
            }
        }
        compactIfSparse();
        return expired;
    }

    /**
     * Rebuilds the hash with the live groups only when empty ones outnumber them: live groups are
     * renumbered densely in their order, so each moves to an id no larger than its own.
     */
    void compactIfSparse() {
        int empty = groups.groupCount() - liveGroups;
        if (empty < MIN_COMPACTION || empty <= liveGroups) {
            return;
        }
        GroupByHash compacted = groups.emptyCopy();
        for (int group = 0; group < groups.groupCount(); group++) {
            if (rowCounts[group] <= 0) {
                continue;
            }
            int moved = compacted.groupOf(groups, group);
            if (moved != group) {
                accumulators.move(group, moved);
                rowCounts[moved] = rowCounts[group];
                lastAccess[moved] = lastAccess[group];
                rowCounts[group] = 0;
            }
        }
        groups = compacted;
    }

    @Override
    public long estimatedBytes() {
        return groups.estimatedBytes() + accumulators.estimatedBytes() + 16L * rowCounts.length;
    }

    /** The key columns, the accumulators, the row counts and the access times, of every group. */
    @Override
    public void snapshot(StateWriter out) throws IOException {
        int count = groups.groupCount();
        GroupKeySnapshots.write(groups, inputSchema, keyColumns, allocator, out);
        AccumulatorSnapshots.write(accumulators, count, out);
        out.writeLongs(rowCounts, count);
        out.writeLongs(lastAccess, count);
    }

    @Override
    public void restore(StateReader in) throws IOException {
        int count = GroupKeySnapshots.read(groups, inputSchema, keyColumns, allocator, in);
        accumulators = kernel.newState();
        AccumulatorSnapshots.read(accumulators, count, in);
        rowCounts = Arrays.copyOf(in.readLongs(), Math.max(count, 1));
        lastAccess = Arrays.copyOf(in.readLongs(), Math.max(count, 1));
        liveGroups = 0;
        for (int group = 0; group < count; group++) {
            if (rowCounts[group] > 0) {
                liveGroups++;
            }
        }
    }

    @Override
    public void close() {
        groups = groups.emptyCopy();
        accumulators = kernel.newState();
        rowCounts = new long[0];
        lastAccess = new long[0];
        liveGroups = 0;
    }
}
