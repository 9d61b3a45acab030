package io.sluice.runtime.window.group;

import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes the keys of a {@link GroupByHash} to a state snapshot, as one batch of the key columns
 * (row {@code g} is group {@code g}'s key), and reads them back into an empty hash made for the
 * same columns, where each key gets its old group id again, so that whatever is indexed by group
 * id (accumulators, counts) is restored as it was.
 */
public final class GroupKeySnapshots {
    private GroupKeySnapshots() {
    }

    /** The schema of the key columns of rows of {@code input}. */
    public static Schema keySchema(Schema input, int[] keyColumns) {
        List<Field> fields = new ArrayList<>(keyColumns.length);
        for (int column : keyColumns) {
            fields.add(input.getFields().get(column));
        }
        return new Schema(fields);
    }

    /** Writes the keys of every group of a hash over the columns {@code keyColumns} of rows of {@code input}. */
    public static void write(GroupByHash hash, Schema input, int[] keyColumns, BufferAllocator allocator,
                             StateWriter out) throws IOException {
        int count = hash.groupCount();
        try (VectorSchemaRoot keys = VectorSchemaRoot.create(keySchema(input, keyColumns), allocator)) {
            keys.allocateNew();
            hash.writeKeys(0, count, keys, 0, IntStream.range(0, keyColumns.length).toArray());
            keys.setRowCount(count);
            out.writeRows(keys);
        }
    }

    /**
     * Reads what {@link #write} wrote into {@code empty}, a new hash over the same columns of the
     * same rows; returns the number of groups.
     */
    public static int read(GroupByHash empty, Schema input, int[] keyColumns, BufferAllocator allocator,
                           StateReader in) throws IOException {
        if (empty.groupCount() != 0) {
            throw new IllegalStateException("keys are restored into an empty hash");
        }
        try (VectorSchemaRoot keys = in.readRows(keySchema(input, keyColumns), allocator)) {
            int count = keys.getRowCount();
            if (keyColumns.length == 0 && count > 1) {
                // without key columns there is one group at most; a count not checked by any column is damage
                throw new IOException("the snapshot holds " + count + " groups without a key");
            }
            int[] ids = new int[count];
            empty.groupIds(asInput(keys, input.getFields().size(), keyColumns), IntStream.range(0, count).toArray(),
                    count, ids);
            for (int row = 0; row < count; row++) {
                if (ids[row] != row) {
                    throw new IOException("the snapshot holds a key twice");
                }
            }
            return count;
        }
    }

    /**
     * The key batch as the hash reads rows of the input: each key column at its place among the
     * input's (the other places hold a key column too, which the hash does not read). Not closed:
     * its vectors are the key batch's.
     */
    private static VectorSchemaRoot asInput(VectorSchemaRoot keys, int width, int[] keyColumns) {
        if (keyColumns.length == 0) {
            return keys;
        }
        List<FieldVector> vectors = new ArrayList<>(Collections.nCopies(width, keys.getVector(0)));
        for (int i = 0; i < keyColumns.length; i++) {
            vectors.set(keyColumns[i], keys.getVector(i));
        }
        return new VectorSchemaRoot(vectors);
    }
}
