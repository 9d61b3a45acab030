package io.sluice.runtime.join;

import io.sluice.runtime.vector.Batches;
import io.sluice.runtime.vector.VectorValues;
import java.util.Arrays;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The rows one input of a regular join keeps, in columns: one Arrow batch that rows are appended
 * to (a row's id is its place in it), and per row the id of its key, the next row of the same key
 * (each key's rows are a chain from its head, newest first, linked both ways so that a row leaves
 * it at once) and how many rows of the other input it matches (what outer, semi and anti joins need). A removed row keeps its place, marked by key
 * -1, until {@link #compact} rewrites the batch with the live rows only.
 */
final class JoinRows implements AutoCloseable {
    static final int NONE = -1;

    private final Schema schema;
    private final BufferAllocator allocator;
    private VectorSchemaRoot rows;
    private int[] keyOf = new int[16];
    private int[] next = new int[16];
    private int[] previous = new int[16];
    private int[] matches = new int[16];
    private int[] head = new int[16];
    private int live;

    JoinRows(Schema schema, BufferAllocator allocator) {
        this.schema = schema;
        this.allocator = allocator;
        this.rows = emptyRows();
        Arrays.fill(head, NONE);
    }

    private VectorSchemaRoot emptyRows() {
        VectorSchemaRoot empty = VectorSchemaRoot.create(schema, allocator);
        // Appending reads the target's offsets, so they must exist even when it is empty.
        empty.allocateNew();
        return empty;
    }

    /** The kept rows, live and removed, by id. */
    VectorSchemaRoot rows() {
        return rows;
    }

    /** The newest row of a key, or {@link #NONE}. */
    int head(int key) {
        return key < head.length ? head[key] : NONE;
    }

    /** The next (older) row of the same key, or {@link #NONE}. */
    int next(int row) {
        return next[row];
    }

    int matches(int row) {
        return matches[row];
    }

    /** Adds {@code delta} to a row's count of matches and returns the new count. */
    int addMatches(int row, int delta) {
        matches[row] += delta;
        return matches[row];
    }

    int liveRows() {
        return live;
    }

    int removedRows() {
        return rows.getRowCount() - live;
    }

    /**
     * Appends rows {@code selection[0..count)} of {@code batch} (this input's columns first), the
     * {@code j}-th with key {@code keys[j]} and {@code matchCounts[j]} matches.
     */
    void append(VectorSchemaRoot batch, int[] selection, int count, int[] keys, int[] matchCounts) {
        if (count == 0) {
            return;
        }
        int first = rows.getRowCount();
        try (VectorSchemaRoot taken = Batches.take(batch, selection, count, allocator)) {
            Batches.append(taken, rows);
        }
        ensureRows(first + count);
        for (int j = 0; j < count; j++) {
            link(first + j, keys[j], matchCounts[j]);
        }
    }

    private void link(int row, int key, int matchCount) {
        ensureKeys(key + 1);
        keyOf[row] = key;
        matches[row] = matchCount;
        next[row] = head[key];
        previous[row] = NONE;
        if (head[key] != NONE) {
            previous[head[key]] = row;
        }
        head[key] = row;
        live++;
    }

    /**
     * The newest live row of key {@code key} whose values equal those of row {@code row} of
     * {@code batch} (in its first columns), or {@link #NONE}: the row a retraction takes back.
     */
    int find(int key, VectorSchemaRoot batch, int row) {
        for (int candidate = head(key); candidate != NONE; candidate = next[candidate]) {
            if (sameValues(candidate, batch, row)) {
                return candidate;
            }
        }
        return NONE;
    }

    private boolean sameValues(int kept, VectorSchemaRoot batch, int row) {
        for (int column = 0; column < schema.getFields().size(); column++) {
            FieldVector mine = rows.getVector(column);
            FieldVector theirs = batch.getVector(column);
            if (!Objects.deepEquals(VectorValues.get(mine, kept), VectorValues.get(theirs, row))) {
                return false;
            }
        }
        return true;
    }

    /** Takes a live row out of its key's chain. */
    void remove(int row) {
        int key = keyOf[row];
        if (previous[row] == NONE) {
            head[key] = next[row];
        } else {
            next[previous[row]] = next[row];
        }
        if (next[row] != NONE) {
            previous[next[row]] = previous[row];
        }
        keyOf[row] = NONE;
        live--;
    }

    /** Removes every row of a key; returns how many there were. */
    int removeKey(int key) {
        int removed = 0;
        for (int row = head(key); row != NONE; row = next[row]) {
            keyOf[row] = NONE;
            removed++;
        }
        if (key < head.length) {
            head[key] = NONE;
        }
        live -= removed;
        return removed;
    }

    /** The live rows' ids, oldest first. */
    int[] liveIds() {
        int[] ids = new int[live];
        int j = 0;
        for (int row = 0; row < rows.getRowCount(); row++) {
            if (keyOf[row] != NONE) {
                ids[j++] = row;
            }
        }
        return ids;
    }

    int keyOf(int row) {
        return keyOf[row];
    }

    /**
     * Rewrites the rows without the removed ones, in the same order (so chains stay newest
     * first), their keys renumbered by {@code newKey} (old id to new).
     */
    void compact(int[] newKey) {
        int[] ids = liveIds();
        int[] keys = new int[ids.length];
        int[] matchCounts = new int[ids.length];
        for (int j = 0; j < ids.length; j++) {
            keys[j] = newKey[keyOf[ids[j]]];
            matchCounts[j] = matches[ids[j]];
        }
        VectorSchemaRoot old = rows;
        rows = emptyRows();
        live = 0;
        Arrays.fill(head, NONE);
        try {
            append(old, ids, ids.length, keys, matchCounts);
        } finally {
            old.close();
        }
    }

    /** Bytes held on the heap (the per-row and per-key arrays). */
    long heapBytes() {
        return 4L * (keyOf.length + next.length + previous.length + matches.length + head.length);
    }

    /** Bytes held in Arrow buffers. */
    long bufferBytes() {
        long bytes = 0;
        for (FieldVector vector : rows.getFieldVectors()) {
            bytes += vector.getBufferSize();
        }
        return bytes;
    }

    private void ensureRows(int count) {
        if (count > keyOf.length) {
            int size = Math.max(count, keyOf.length * 2);
            keyOf = Arrays.copyOf(keyOf, size);
            next = Arrays.copyOf(next, size);
            previous = Arrays.copyOf(previous, size);
            matches = Arrays.copyOf(matches, size);
        }
    }

    private void ensureKeys(int count) {
        if (count > head.length) {
            int old = head.length;
            head = Arrays.copyOf(head, Math.max(count, old * 2));
            Arrays.fill(head, old, head.length, NONE);
        }
    }

    @Override
    public void close() {
        rows.close();
    }
}
