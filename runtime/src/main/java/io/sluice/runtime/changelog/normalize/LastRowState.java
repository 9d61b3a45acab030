package io.sluice.runtime.changelog.normalize;

import io.sluice.runtime.state.KeyedState;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.window.group.GroupByHash;
import io.sluice.runtime.window.group.GroupByHashes;
import java.io.IOException;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compare.Range;
import org.apache.arrow.vector.compare.RangeEqualsVisitor;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The last row of each key. Keys are numbered densely by a {@link GroupByHash}; rows are appended
 * to an Arrow batch (Arrow's variable-width vectors cannot be rewritten in place), and each key
 * points at its latest row, or at none once deleted. Rows no key points at any more are dropped by
 * {@link #compactIfSparse()} between batches, which renumbers the keys. When each key was last
 * touched is kept for {@link #expire}. Used by one thread.
 */
final class LastRowState implements KeyedState {
    private static final int NONE = -1;
    /** Compaction waits until this many rows, at least, are garbage. */
    private static final int MIN_GARBAGE = 1024;

    private final Schema schema;
    private final int columns;
    private final BufferAllocator allocator;
    private GroupByHash keys;
    private VectorSchemaRoot rows;
    /** The row of each key id, or {@link #NONE}. */
    private int[] slots = new int[0];
    private long[] touched = new long[0];
    /** Rows appended so far, and how many of them keys point at. */
    private int used;
    private int live;
    private int[] ids = new int[0];
    private int[] selection = new int[0];
    /** Comparers of the kept rows' columns with those of {@link #compared}, the batch last compared with. */
    private RangeEqualsVisitor[] comparers;
    private VectorSchemaRoot compared;
    private final Range range = new Range(0, 0, 1);

    /**
     * @param schema     the rows' columns, without the row kind
     * @param keyColumns the key's columns among them
     */
    LastRowState(Schema schema, int[] keyColumns, BufferAllocator allocator) {
        this.schema = schema;
        this.columns = schema.getFields().size();
        this.allocator = allocator;
        this.keys = GroupByHashes.create(schema, keyColumns);
        this.rows = VectorSchemaRoot.create(schema, allocator);
    }

    /**
     * The key ids of rows {@code [0, count)} of a batch whose leading columns are the rows'
     * columns, valid until the next call or {@link #compactIfSparse()}.
     */
    int[] ids(VectorSchemaRoot batch, int count) {
        if (selection.length < count) {
            selection = new int[Math.max(count, selection.length * 2)];
            for (int i = 0; i < selection.length; i++) {
                selection[i] = i;
            }
            ids = new int[selection.length];
        }
        keys.groupIds(batch, selection, count, ids);
        grow(keys.groupCount());
        return ids;
    }

    private void grow(int groups) {
        if (groups > slots.length) {
            int size = Math.max(Math.max(16, groups), slots.length * 2);
            int old = slots.length;
            slots = Arrays.copyOf(slots, size);
            Arrays.fill(slots, old, size, NONE);
            touched = Arrays.copyOf(touched, size);
        }
    }

    boolean has(int id) {
        return slots[id] != NONE;
    }

    /** True if key {@code id}'s row equals row {@code row} of the batch in every column. */
    boolean sameAs(int id, VectorSchemaRoot batch, int row) {
        if (batch != compared) {
            compared = batch;
            comparers = new RangeEqualsVisitor[columns];
            for (int c = 0; c < columns; c++) {
                comparers[c] = new RangeEqualsVisitor(rows.getVector(c), batch.getVector(c));
            }
        }
        range.setLeftStart(slots[id]).setRightStart(row);
        for (int c = 0; c < columns; c++) {
            if (!comparers[c].rangeEquals(range)) {
                return false;
            }
        }
        return true;
    }

    /** Makes row {@code row} of the batch key {@code id}'s row. */
    void put(int id, VectorSchemaRoot batch, int row, long now) {
        for (int c = 0; c < columns; c++) {
            rows.getVector(c).copyFromSafe(row, used, batch.getVector(c));
        }
        if (slots[id] == NONE) {
            live++;
        }
        slots[id] = used++;
        touched[id] = now;
        // Readers of the rows (comparing, copying out) look no further than the value count.
        rows.setRowCount(used);
    }

    void remove(int id) {
        if (slots[id] != NONE) {
            slots[id] = NONE;
            live--;
        }
    }

    void touch(int id, long now) {
        touched[id] = now;
    }

    /** Copies key {@code id}'s row into row {@code row} of {@code out}'s leading columns. */
    void copyTo(int id, VectorSchemaRoot out, int row) {
        for (int c = 0; c < columns; c++) {
            out.getVector(c).copyFromSafe(slots[id], row, rows.getVector(c));
        }
    }

    /** Heap held: the hash and the per-key arrays (the rows are Arrow memory, which the allocator counts). */
    long heapBytes() {
        return keys.estimatedBytes() + 12L * slots.length + 8L * ids.length;
    }

    @Override
    public long estimatedBytes() {
        long bytes = heapBytes();
        for (FieldVector vector : rows.getFieldVectors()) {
            bytes += vector.getBufferSize();
        }
        return bytes;
    }

    /** Drops the rows no key points at once there are many; call only between batches (it renumbers keys). */
    void compactIfSparse() {
        if (used - live >= Math.max(MIN_GARBAGE, live)) {
            compact(Long.MIN_VALUE);
        }
    }

    /** The keys that have a row. */
    @Override
    public long keyCount() {
        return live;
    }

    @Override
    public int expire(long cutoffMillis) {
        int before = live;
        compact(cutoffMillis);
        return before - live;
    }

    /** Keeps the keys that have a row touched at or after the cutoff, their rows packed, numbered anew. */
    private void compact(long cutoffMillis) {
        GroupByHash newKeys = keys.emptyCopy();
        VectorSchemaRoot newRows = VectorSchemaRoot.create(schema, allocator);
        int[] newSlots = new int[Math.max(16, live)];
        Arrays.fill(newSlots, NONE);
        long[] newTouched = new long[newSlots.length];
        int count = 0;
        try {
            for (int id = 0; id < keys.groupCount(); id++) {
                if (slots[id] == NONE || touched[id] < cutoffMillis) {
                    continue;
                }
                int newId = newKeys.groupOf(keys, id);
                for (int c = 0; c < columns; c++) {
                    newRows.getVector(c).copyFromSafe(slots[id], count, rows.getVector(c));
                }
                newSlots[newId] = count++;
                newTouched[newId] = touched[id];
            }
        } catch (RuntimeException e) {
            newRows.close();
            throw e;
        }
        rows.close();
        newRows.setRowCount(count);
        compared = null;
        keys = newKeys;
        rows = newRows;
        slots = newSlots;
        touched = newTouched;
        used = count;
        live = count;
    }

    /** The rows of the keys that have one, and when each was touched. */
    @Override
    public void snapshot(StateWriter out) throws IOException {
        try (VectorSchemaRoot kept = VectorSchemaRoot.create(schema, allocator)) {
            long[] times = new long[live];
            int count = 0;
            for (int id = 0; id < keys.groupCount(); id++) {
                if (slots[id] != NONE) {
                    for (int c = 0; c < columns; c++) {
                        kept.getVector(c).copyFromSafe(slots[id], count, rows.getVector(c));
                    }
                    times[count++] = touched[id];
                }
            }
            kept.setRowCount(count);
            out.writeBatch(kept);
            out.writeLongs(times, count);
        }
    }

    @Override
    public void restore(StateReader in) throws IOException {
        if (keys.groupCount() != 0) {
            throw new IllegalStateException("restore into a state that is not empty");
        }
        try (VectorSchemaRoot kept = in.readBatch(allocator)) {
            long[] times = in.readLongs();
            int[] restored = ids(kept, kept.getRowCount());
            for (int i = 0; i < kept.getRowCount(); i++) {
                put(restored[i], kept, i, times[i]);
            }
        }
    }

    @Override
    public void close() {
        rows.close();
    }
}
