package io.sluice.runtime.window.group;

import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes the keys of a {@link GroupByHash} to a state snapshot, as one batch of the key columns
 * (row {@code g} is group {@code g}'s key), and reads them back into an empty hash of the same
 * kind, where each key gets its old group id again, so that whatever is indexed by group id
 * (accumulators, counts) is restored as it was.
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

    /** Writes the keys of every group of the hash, whose key columns have {@code keySchema}. */
    public static void write(GroupByHash hash, Schema keySchema, BufferAllocator allocator, StateWriter out)
            throws IOException {
        int count = hash.groupCount();
        try (VectorSchemaRoot keys = VectorSchemaRoot.create(keySchema, allocator)) {
            keys.allocateNew();
            hash.writeKeys(0, count, keys, 0, allColumns(keySchema));
            keys.setRowCount(count);
            out.writeRows(keys);
        }
    }

    /** Reads what {@link #write} wrote into {@code empty}, a new hash of the kind that wrote it; returns the group count. */
    public static int read(GroupByHash empty, Schema keySchema, BufferAllocator allocator, StateReader in)
            throws IOException {
        if (empty.groupCount() != 0) {
            throw new IllegalStateException("keys are restored into an empty hash");
        }
        try (VectorSchemaRoot keys = in.readRows(keySchema, allocator)) {
            int count = keys.getRowCount();
            if (keySchema.getFields().isEmpty() && count > 1) {
                // without key columns there is one group at most; a count not checked by any column is damage
                throw new IOException("the snapshot holds " + count + " groups without a key");
            }
            int[] rows = IntStream.range(0, count).toArray();
            GroupByHash read = GroupByHashes.create(keySchema, allColumns(keySchema), count);
            read.groupIds(keys, rows, count, new int[count]);
            if (read.groupCount() != count) {
                throw new IOException("the snapshot holds a key twice");
            }
            for (int group = 0; group < read.groupCount(); group++) {
                empty.groupOf(read, group);
            }
            return empty.groupCount();
        }
    }

    private static int[] allColumns(Schema schema) {
        return IntStream.range(0, schema.getFields().size()).toArray();
    }
}
