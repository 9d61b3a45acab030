package io.sluice.runtime.window.group;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Numbers the distinct keys of a set of rows: each new key gets the next group id, from 0, and
 * the hash keeps the key so that results can carry it. Used by one thread.
 */
public interface GroupByHash {
    /** How many groups there are: ids are {@code [0, groupCount())}. */
    int groupCount();

    /**
     * Writes the group id of row {@code selection[j]} of the batch to {@code groupIds[j]}, for
     * {@code j < count}, adding groups for keys not seen before.
     */
    void groupIds(VectorSchemaRoot batch, int[] selection, int count, int[] groupIds);

    /** The id of the key that group {@code otherGroup} of {@code other} (a hash of the same kind) has, added if new. */
    int groupOf(GroupByHash other, int otherGroup);

    /** Writes the key columns of a group into row {@code row} of the output, key {@code i} into column {@code columns[i]}. */
    void writeKey(int group, VectorSchemaRoot output, int row, int[] columns);

    /**
     * Writes the keys of groups {@code [firstGroup, firstGroup + count)} into rows
     * {@code [firstRow, firstRow + count)} of the output, as {@link #writeKey} does one by one.
     */
    default void writeKeys(int firstGroup, int count, VectorSchemaRoot output, int firstRow, int[] columns) {
        for (int i = 0; i < count; i++) {
            writeKey(firstGroup + i, output, firstRow + i, columns);
        }
    }

    /** An estimate of the memory the hash holds, for the query's accounting. */
    long estimatedBytes();

    /** A new, empty hash of the same kind. */
    GroupByHash emptyCopy();
}
