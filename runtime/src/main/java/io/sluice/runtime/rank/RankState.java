package io.sluice.runtime.rank;

import io.sluice.runtime.sort.RowComparator;
import io.sluice.runtime.state.KeyedState;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.window.group.GroupByHash;
import io.sluice.runtime.window.group.GroupByHashes;
import java.io.IOException;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The rows a Top-N keeps, per partition in its sort order: the partition keys numbered by a
 * {@link GroupByHash}, each partition a sorted array of slots of one {@link RowStore}, and the
 * time each partition was last touched, for {@code 'table.exec.state.ttl'}.
 */
final class RankState implements KeyedState {
    private static final int[] NO_SLOTS = new int[0];

    private final BufferAllocator allocator;
    private final RowComparator order;
    private final RowComparator equality;
    private final RowStore store;
    private final GroupByHash partitions;
    private int[][] lists = new int[16][];
    private int[] sizes = new int[16];
    private long[] touched = new long[16];

    /** @param schema the rows' columns (without a row-kind column) */
    RankState(Schema schema, int[] partitionKeys, RowComparator order, BufferAllocator allocator) {
        this.allocator = allocator;
        this.order = order;
        this.equality = RowComparator.allColumns(schema, schema.getFields().size());
        this.store = new RowStore(schema, allocator);
        this.partitions = GroupByHashes.create(schema, partitionKeys);
    }

    /** The partition of each of the batch's first {@code count} rows, added if new. */
    void partitionsOf(VectorSchemaRoot batch, int count, int[] selection, int[] ids) {
        partitions.groupIds(batch, selection, count, ids);
        int groups = partitions.groupCount();
        if (groups > lists.length) {
            int length = Math.max(groups, lists.length * 2);
            lists = Arrays.copyOf(lists, length);
            sizes = Arrays.copyOf(sizes, length);
            touched = Arrays.copyOf(touched, length);
        }
    }

    VectorSchemaRoot rows() {
        return store.rows();
    }

    int size(int partition) {
        return sizes[partition];
    }

    /** The slot at a position of a partition's order. */
    int slot(int partition, int position) {
        return lists[partition][position];
    }

    void touch(int partition, long now) {
        touched[partition] = now;
    }

    /** True if the rows at two positions of a partition sort alike. */
    boolean tied(int partition, int position, int other) {
        VectorSchemaRoot rows = store.rows();
        return order.compare(rows, lists[partition][position], rows, lists[partition][other]) == 0;
    }

    /**
     * Writes the ranks of the partition's leading rows by {@code function}, as long as they are at
     * most {@code high}, and returns how many there are.
     */
    int ranks(int partition, RankFunction function, long high, long[] ranks) {
        int size = sizes[partition];
        long rank = 0;
        int count = 0;
        for (int position = 0; position < size; position++) {
            if (function == RankFunction.ROW_NUMBER) {
                rank = position + 1;
            } else if (position == 0) {
                rank = 1;
            } else if (!tied(partition, position - 1, position)) {
                rank = function == RankFunction.RANK ? position + 1 : rank + 1;
            }
            if (rank > high) {
                break;
            }
            ranks[position] = rank;
            count++;
        }
        return count;
    }

    /**
     * The position a new row takes in its partition: after every row that sorts before it, and
     * after the rows it ties with unless {@code beforeTies}.
     */
    int insertionPoint(int partition, VectorSchemaRoot batch, int row, boolean beforeTies) {
        return search(partition, batch, row, !beforeTies);
    }

    /** The position of a kept row whose every value equals the batch's row, or -1. */
    int find(int partition, VectorSchemaRoot batch, int row) {
        VectorSchemaRoot rows = store.rows();
        int[] list = lists[partition];
        for (int position = search(partition, batch, row, false); position < sizes[partition]
                && order.compare(rows, list[position], batch, row) == 0; position++) {
            if (equality.compare(rows, list[position], batch, row) == 0) {
                return position;
            }
        }
        return -1;
    }

    /** The first position whose row sorts after the batch's row ({@code afterTies}) or not before it. */
    private int search(int partition, VectorSchemaRoot batch, int row, boolean afterTies) {
        int low = 0;
        int high = sizes[partition];
        int[] list = lists[partition];
        VectorSchemaRoot rows = store.rows();
        while (low < high) {
            int middle = (low + high) >>> 1;
            int c = order.compare(rows, list[middle], batch, row);
            if (c < 0 || (afterTies && c == 0)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Copies the batch's row into the store and puts it at a position of its partition. */
    void insert(int partition, int position, VectorSchemaRoot batch, int row) {
        int slot = store.add(batch, row);
        int[] list = lists[partition] == null ? NO_SLOTS : lists[partition];
        int size = sizes[partition];
        if (size == list.length) {
            list = Arrays.copyOf(list, Math.max(4, size * 2));
            lists[partition] = list;
        }
        System.arraycopy(list, position, list, position + 1, size - position);
        list[position] = slot;
        sizes[partition] = size + 1;
    }

    /** Takes the row at a position out of its partition. */
    void remove(int partition, int position) {
        int[] list = lists[partition];
        store.remove(list[position]);
        System.arraycopy(list, position + 1, list, position, sizes[partition] - position - 1);
        sizes[partition]--;
    }

    /** Drops a partition's rows from {@code position} on. */
    void truncate(int partition, int position) {
        for (int p = position; p < sizes[partition]; p++) {
            store.remove(lists[partition][p]);
        }
        sizes[partition] = Math.min(sizes[partition], position);
    }

    /** Copies the live rows together once most rows in the store are dead. */
    void compactIfWasteful() {
        if (store.wantsCompaction()) {
            compact();
        }
    }

    /** Rewrites the store with each partition's rows together, in order, and renumbers the slots. */
    private void compact() {
        int total = 0;
        for (int p = 0; p < partitions.groupCount(); p++) {
            total += sizes[p];
        }
        int[] slots = new int[total];
        int next = 0;
        for (int p = 0; p < partitions.groupCount(); p++) {
            for (int i = 0; i < sizes[p]; i++) {
                slots[next] = lists[p][i];
                lists[p][i] = next++;
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
        long bytes = partitions.estimatedBytes() + 16L * lists.length;
        for (int p = 0; p < partitions.groupCount(); p++) {
            bytes += lists[p] == null ? 0 : 16 + 4L * lists[p].length;
        }
        return bytes;
    }

    /** How many partitions the hash has numbered, those whose rows went included: their ids are below it. */
    int partitionCount() {
        return partitions.groupCount();
    }

    /** The partitions the hash holds, those whose rows went included. */
    @Override
    public long keyCount() {
        return partitions.groupCount();
    }

    @Override
    public int expire(long cutoffMillis) {
        int expired = 0;
        for (int p = 0; p < partitions.groupCount(); p++) {
            if (sizes[p] > 0 && touched[p] < cutoffMillis) {
                truncate(p, 0);
                lists[p] = null;
                expired++;
            }
        }
        return expired;
    }

    /** The store compacted, so each partition's rows are one run; then per non-empty partition its size and last touch. */
    @Override
    public void snapshot(StateWriter out) throws IOException {
        compact();
        out.writeBatch(store.rows());
        int nonEmpty = 0;
        for (int p = 0; p < partitions.groupCount(); p++) {
            nonEmpty += sizes[p] > 0 ? 1 : 0;
        }
        out.writeInt(nonEmpty);
        for (int p = 0; p < partitions.groupCount(); p++) {
            if (sizes[p] > 0) {
                out.writeInt(sizes[p]);
                out.writeLong(touched[p]);
            }
        }
    }

    /** Each partition's key is found again from its first row. */
    @Override
    public void restore(StateReader in) throws IOException {
        if (partitions.groupCount() > 0) {
            throw new IllegalStateException("restore into a state that is not empty");
        }
        VectorSchemaRoot rows = in.readBatch(allocator);
        store.restore(rows);
        int nonEmpty = in.readInt();
        int[] first = new int[1];
        int[] id = new int[1];
        for (int i = 0, row = 0; i < nonEmpty; i++) {
            int size = in.readInt();
            if (size <= 0 || size > rows.getRowCount() - row) {
                throw new IOException("a partition of " + size + " rows where " + (rows.getRowCount() - row)
                        + " are left");
            }
            first[0] = row;
            partitionsOf(rows, 1, first, id);
            int[] list = new int[size];
            for (int j = 0; j < size; j++) {
                list[j] = row + j;
            }
            lists[id[0]] = list;
            sizes[id[0]] = size;
            touched[id[0]] = in.readLong();
            row += size;
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
