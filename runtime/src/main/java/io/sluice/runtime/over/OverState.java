package io.sluice.runtime.over;

import io.sluice.runtime.aggregate.AccumulatorSnapshots;
import io.sluice.runtime.codegen.AccumulatorState;
import io.sluice.runtime.codegen.AggregateKernel;
import io.sluice.runtime.rank.RowStore;
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
 * What an OVER aggregation keeps per partition: the rows that wait for the watermark (pending, in
 * time order),
 * the rows already emitted that the frame or LAG still needs (the history, oldest first, the
 * frame its last rows), the accumulators of the frame (one group per partition), and the time of
 * the last row emitted, before which a new row is late. Rows are copied into one {@link RowStore}
 * with a row-kind column after theirs, which the retractable accumulators read; partitions are
 * numbered by a {@link GroupByHash} of their keys.
 */
final class OverState implements KeyedState {
    private final Schema inputSchema;
    private final int[] keyColumns;
    private final AggregateKernel kernel;
    private final BufferAllocator allocator;
    private final RowStore store;
    private final GroupByHash partitions;
    private AccumulatorState accumulators;
    int[][] pendingSlots = new int[16][];
    long[][] pendingTimes = new long[16][];
    int[] pendingCount = new int[16];
    int[][] historySlots = new int[16][];
    long[][] historyTimes = new long[16][];
    int[] historyStart = new int[16];
    int[] historyEnd = new int[16];
    int[] frameStart = new int[16];
    long[] emittedUpTo = new long[16];

    /** @param storeSchema the input's columns and a row-kind column */
    OverState(Schema inputSchema, Schema storeSchema, int[] keyColumns, AggregateKernel kernel,
              BufferAllocator allocator) {
        this.inputSchema = inputSchema;
        this.keyColumns = keyColumns;
        this.kernel = kernel;
        this.allocator = allocator;
        this.store = new RowStore(storeSchema, allocator);
        this.partitions = GroupByHashes.create(inputSchema, keyColumns);
        this.accumulators = kernel.newState();
        Arrays.fill(emittedUpTo, Long.MIN_VALUE);
    }

    /** The partition of each of the batch's first {@code count} rows, added if new. */
    void partitionsOf(VectorSchemaRoot batch, int[] selection, int count, int[] ids) {
        partitions.groupIds(batch, selection, count, ids);
        grow(partitions.groupCount());
    }

    private void grow(int groups) {
        accumulators.ensureCapacity(groups);
        if (groups <= pendingCount.length) {
            return;
        }
        int length = Math.max(groups, pendingCount.length * 2);
        int old = pendingCount.length;
        pendingSlots = Arrays.copyOf(pendingSlots, length);
        pendingTimes = Arrays.copyOf(pendingTimes, length);
        pendingCount = Arrays.copyOf(pendingCount, length);
        historySlots = Arrays.copyOf(historySlots, length);
        historyTimes = Arrays.copyOf(historyTimes, length);
        historyStart = Arrays.copyOf(historyStart, length);
        historyEnd = Arrays.copyOf(historyEnd, length);
        frameStart = Arrays.copyOf(frameStart, length);
        emittedUpTo = Arrays.copyOf(emittedUpTo, length);
        Arrays.fill(emittedUpTo, old, length, Long.MIN_VALUE);
    }

    int partitionCount() {
        return partitions.groupCount();
    }

    VectorSchemaRoot rows() {
        return store.rows();
    }

    AccumulatorState accumulators() {
        return accumulators;
    }

    /**
     * Copies a row (of a batch with the store's columns) in to wait for the watermark, after the
     * waiting rows of its time or before: a partition's waiting rows stay in time order, rows of
     * one time in arrival order, so rows that come in order cost no more than an append.
     */
    void addPending(int partition, VectorSchemaRoot batch, int row, long time) {
        int slot = store.add(batch, row);
        int count = pendingCount[partition];
        if (pendingSlots[partition] == null || count == pendingSlots[partition].length) {
            int length = Math.max(4, count * 2);
            pendingSlots[partition] = pendingSlots[partition] == null ? new int[length]
                    : Arrays.copyOf(pendingSlots[partition], length);
            pendingTimes[partition] = pendingTimes[partition] == null ? new long[length]
                    : Arrays.copyOf(pendingTimes[partition], length);
        }
        int[] slots = pendingSlots[partition];
        long[] times = pendingTimes[partition];
        int position = count;
        while (position > 0 && times[position - 1] > time) {
            position--;
        }
        System.arraycopy(slots, position, slots, position + 1, count - position);
        System.arraycopy(times, position, times, position + 1, count - position);
        slots[position] = slot;
        times[position] = time;
        pendingCount[partition] = count + 1;
    }

    /** Takes a partition's first {@code count} waiting rows out of the waiting ones (they were emitted). */
    void dropPending(int partition, int count) {
        int left = pendingCount[partition] - count;
        System.arraycopy(pendingSlots[partition], count, pendingSlots[partition], 0, left);
        System.arraycopy(pendingTimes[partition], count, pendingTimes[partition], 0, left);
        pendingCount[partition] = left;
    }

    /** Appends an emitted row to the history, which may move its rows within their arrays. */
    void appendHistory(int partition, int slot, long time) {
        int end = historyEnd[partition];
        if (historySlots[partition] == null || end == historySlots[partition].length) {
            int start = historyStart[partition];
            int live = end - start;
            int length = Math.max(4, live * 2);
            int[] slots = new int[length];
            long[] times = new long[length];
            if (live > 0) {
                System.arraycopy(historySlots[partition], start, slots, 0, live);
                System.arraycopy(historyTimes[partition], start, times, 0, live);
            }
            historySlots[partition] = slots;
            historyTimes[partition] = times;
            frameStart[partition] -= start;
            historyStart[partition] = 0;
            end = live;
        }
        historySlots[partition][end] = slot;
        historyTimes[partition][end] = time;
        historyEnd[partition] = end + 1;
    }

    /** Drops the history's oldest row, whose slot is freed. */
    void dropOldest(int partition) {
        store.remove(historySlots[partition][historyStart[partition]++]);
    }

    /** Marks a pending row's slot free (it was late or dropped). */
    void free(int slot) {
        store.remove(slot);
    }

    /** Copies the live rows together once most rows in the store are dead, renumbering the slots. */
    void compactIfWasteful() {
        if (store.wantsCompaction()) {
            compact();
        }
    }

    /** Rewrites the store with each partition's pending rows then its history together, in order. */
    private void compact() {
        int total = 0;
        for (int p = 0; p < partitions.groupCount(); p++) {
            total += pendingCount[p] + historyEnd[p] - historyStart[p];
        }
        int[] slots = new int[total];
        int next = 0;
        for (int p = 0; p < partitions.groupCount(); p++) {
            for (int i = 0; i < pendingCount[p]; i++) {
                slots[next] = pendingSlots[p][i];
                pendingSlots[p][i] = next++;
            }
            for (int i = historyStart[p]; i < historyEnd[p]; i++) {
                slots[next] = historySlots[p][i];
                historySlots[p][i] = next++;
            }
        }
        store.compact(slots, total);
    }

    @Override
    public long estimatedBytes() {
        return store.bytes() + heapBytes();
    }

    /** What the state holds on the heap; the store's vectors are charged to the allocator already. */
    long heapBytes() {
        long bytes = partitions.estimatedBytes() + accumulators.estimatedBytes() + 64L * pendingCount.length;
        for (int p = 0; p < partitions.groupCount(); p++) {
            bytes += pendingSlots[p] == null ? 0 : 12L * pendingSlots[p].length;
            bytes += historySlots[p] == null ? 0 : 12L * historySlots[p].length;
        }
        return bytes;
    }

    @Override
    public long keyCount() {
        return partitions.groupCount();
    }

    /**
     * OVER state is not aged out: a partition's frame and the time before which its rows are late
     * would be lost, and with them the results the query promised.
     */
    @Override
    public int expire(long cutoffMillis) {
        return 0;
    }

    /**
     * The keys, the accumulators, the store compacted so that each partition's pending rows and
     * history are runs of it, and per partition those counts, its frame's start and its last time.
     */
    @Override
    public void snapshot(StateWriter out) throws IOException {
        compact();
        int count = partitions.groupCount();
        GroupKeySnapshots.write(partitions, inputSchema, keyColumns, allocator, out);
        AccumulatorSnapshots.write(accumulators, count, out);
        out.writeBatch(store.rows());
        for (int p = 0; p < count; p++) {
            out.writeInt(pendingCount[p]);
            for (int i = 0; i < pendingCount[p]; i++) {
                out.writeLong(pendingTimes[p][i]);
            }
            out.writeInt(historyEnd[p] - historyStart[p]);
            for (int i = historyStart[p]; i < historyEnd[p]; i++) {
                out.writeLong(historyTimes[p][i]);
            }
            out.writeInt(frameStart[p] - historyStart[p]);
            out.writeLong(emittedUpTo[p]);
        }
    }

    @Override
    public void restore(StateReader in) throws IOException {
        if (partitions.groupCount() > 0) {
            throw new IllegalStateException("restore into a state that is not empty");
        }
        int count = GroupKeySnapshots.read(partitions, inputSchema, keyColumns, allocator, in);
        grow(count);
        accumulators = kernel.newState();
        accumulators.ensureCapacity(count);
        AccumulatorSnapshots.read(accumulators, count, in);
        VectorSchemaRoot rows = in.readBatch(allocator);
        store.restore(rows);
        int slot = 0;
        for (int p = 0; p < count; p++) {
            int pending = readCount(in, rows.getRowCount() - slot);
            pendingSlots[p] = new int[Math.max(4, pending)];
            pendingTimes[p] = new long[Math.max(4, pending)];
            for (int i = 0; i < pending; i++) {
                pendingSlots[p][i] = slot++;
                pendingTimes[p][i] = in.readLong();
            }
            pendingCount[p] = pending;
            int history = readCount(in, rows.getRowCount() - slot);
            historySlots[p] = new int[Math.max(4, history)];
            historyTimes[p] = new long[Math.max(4, history)];
            for (int i = 0; i < history; i++) {
                historySlots[p][i] = slot++;
                historyTimes[p][i] = in.readLong();
            }
            historyStart[p] = 0;
            historyEnd[p] = history;
            frameStart[p] = readCount(in, history);
            emittedUpTo[p] = in.readLong();
        }
    }

    private static int readCount(StateReader in, int left) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > left) {
            throw new IOException("a count of " + count + " rows where " + left + " are left");
        }
        return count;
    }

    @Override
    public void close() {
        store.close();
    }
}
