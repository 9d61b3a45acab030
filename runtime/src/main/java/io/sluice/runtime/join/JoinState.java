package io.sluice.runtime.join;

import io.sluice.runtime.metrics.StateGauge;
import io.sluice.runtime.state.KeyedState;
import io.sluice.runtime.state.StateMemory;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.vector.Batches;
import io.sluice.runtime.window.group.GroupByHash;
import io.sluice.runtime.window.group.GroupByHashes;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Both inputs' rows of a regular join, by join key: one {@link GroupByHash} numbers the keys of
 * both inputs (so a row's key id finds the other input's rows of that key), each input keeps its
 * rows in {@link JoinRows}, and each key remembers when it was last used, for the state TTL.
 * Removed rows and keys are reclaimed by compaction, which rewrites the rows and renumbers the
 * keys that still have rows.
 */
final class JoinState implements KeyedState {
    /** Removed rows an input may hold before its rows are rewritten, when they are also more than its live rows. */
    private static final int COMPACTION_MIN_REMOVED = 1024;

    private final int[][] keyColumns;
    private final JoinRows[] sides;
    private final BufferAllocator allocator;
    private final StateMemory memory;
    private GroupByHash keys;
    private long[] touched = new long[16];

    /** @param gauge the query's gauge of keyed state */
    JoinState(Schema leftSchema, Schema rightSchema, int[] leftKeys, int[] rightKeys, BufferAllocator allocator,
              String owner, StateGauge gauge) {
        this.keyColumns = new int[][] {leftKeys.clone(), rightKeys.clone()};
        this.allocator = allocator;
        this.sides = new JoinRows[] {new JoinRows(leftSchema, allocator), new JoinRows(rightSchema, allocator)};
        this.memory = new StateMemory(allocator, owner, gauge);
        List<Field> keyFields = Arrays.stream(leftKeys).mapToObj(k -> leftSchema.getFields().get(k)).toList();
        this.keys = GroupByHashes.create(new Schema(keyFields), IntStream.range(0, leftKeys.length).toArray());
    }

    /** An input's rows: 0 left, 1 right. */
    JoinRows side(int input) {
        return sides[input];
    }

    /**
     * Writes the key ids of rows {@code selection[0..count)} of a batch of input {@code input} to
     * {@code ids}, numbering new keys, and marks the keys used at {@code nowMillis}. The rows'
     * key columns must not be NULL.
     */
    void keyIds(int input, VectorSchemaRoot batch, int[] selection, int count, int[] ids, long nowMillis) {
        keys.groupIds(KeyColumns.view(batch, keyColumns[input]), selection, count, ids);
        if (touched.length < keys.groupCount()) {
            touched = Arrays.copyOf(touched, Math.max(keys.groupCount(), touched.length * 2));
        }
        for (int j = 0; j < count; j++) {
            touched[ids[j]] = nowMillis;
        }
    }

    /**
     * Reclaims removed rows when there are many; charges the state's size to the query. Returns
     * whether the rows were rewritten (and so renumbered).
     */
    boolean maintain() {
        boolean compacts = false;
        for (JoinRows side : sides) {
            compacts |= side.removedRows() > Math.max(COMPACTION_MIN_REMOVED, side.liveRows());
        }
        if (compacts) {
            compact();
        }
        memory.update(heapBytes(), this);
        return compacts;
    }

    /** Rewrites both inputs' rows without removed ones and renumbers the keys that have rows. */
    private void compact() {
        GroupByHash compacted = keys.emptyCopy();
        int[] newKey = new int[keys.groupCount()];
        long[] newTouched = new long[Math.max(16, keys.groupCount())];
        for (int key = 0; key < newKey.length; key++) {
            if (sides[0].head(key) == JoinRows.NONE && sides[1].head(key) == JoinRows.NONE) {
                newKey[key] = JoinRows.NONE;
                continue;
            }
            newKey[key] = compacted.groupOf(keys, key);
            newTouched[newKey[key]] = touched[key];
        }
        for (JoinRows side : sides) {
            side.compact(newKey);
        }
        keys = compacted;
        touched = newTouched;
    }

    private long heapBytes() {
        return keys.estimatedBytes() + 8L * touched.length + sides[0].heapBytes() + sides[1].heapBytes();
    }

    @Override
    public long estimatedBytes() {
        return heapBytes() + sides[0].bufferBytes() + sides[1].bufferBytes();
    }

    /** The join keys the hash holds: those of either input's rows, and those whose rows went, until compaction. */
    @Override
    public long keyCount() {
        return keys.groupCount();
    }

    @Override
    public int expire(long cutoffMillis) {
        int expired = 0;
        for (int key = 0; key < keys.groupCount(); key++) {
            if (touched[key] < cutoffMillis && sides[0].removeKey(key) + sides[1].removeKey(key) > 0) {
                expired++;
            }
        }
        if (expired > 0) {
            compact();
            memory.update(heapBytes(), this);
        }
        return expired;
    }

    /** Per input: its live rows, their counts of matches and when their keys were last used. */
    @Override
    public void snapshot(StateWriter out) throws IOException {
        for (JoinRows side : sides) {
            int[] ids = side.liveIds();
            int[] matches = new int[ids.length];
            long[] used = new long[ids.length];
            for (int j = 0; j < ids.length; j++) {
                matches[j] = side.matches(ids[j]);
                used[j] = touched[side.keyOf(ids[j])];
            }
            try (VectorSchemaRoot live = Batches.take(side.rows(), ids, ids.length, allocator)) {
                out.writeBatch(live);
            }
            out.writeInts(matches, matches.length);
            out.writeLongs(used, used.length);
        }
    }

    @Override
    public void restore(StateReader in) throws IOException {
        for (int input = 0; input < sides.length; input++) {
            try (VectorSchemaRoot rows = in.readBatch(allocator)) {
                int[] matches = in.readInts();
                long[] used = in.readLongs();
                int count = rows.getRowCount();
                int[] all = IntStream.range(0, count).toArray();
                int[] ids = new int[count];
                keyIds(input, rows, all, count, ids, Long.MIN_VALUE);
                for (int j = 0; j < count; j++) {
                    touched[ids[j]] = Math.max(touched[ids[j]], used[j]);
                }
                sides[input].append(rows, all, count, ids, matches);
            }
        }
        memory.update(heapBytes(), this);
    }

    @Override
    public void close() {
        try {
            sides[0].close();
            sides[1].close();
        } finally {
            memory.close();
        }
    }
}
