package io.sluice.runtime.window.group;

import io.sluice.runtime.memory.HeapSize;
import io.sluice.runtime.vector.VectorValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Grouping by any columns: each row's key is made of its values as Java objects. General but
 * slower than {@link LongGroupByHash}, which covers the common single integral key.
 */
final class ObjectGroupByHash implements GroupByHash {
    /** A key's group number and its place in the list of keys, besides the key and its map entry. */
    private static final int GROUP_BYTES = 24;

    private final int[] columns;
    private final Map<Object, Integer> groupsByKey = new HashMap<>();
    private final List<Object> keys = new ArrayList<>();
    private long keyBytes;

    ObjectGroupByHash(int[] columns) {
        this.columns = columns.clone();
    }

    @Override
    public int groupCount() {
        return keys.size();
    }

    @Override
    public void groupIds(VectorSchemaRoot batch, int[] selection, int count, int[] groupIds) {
        FieldVector[] vectors = new FieldVector[columns.length];
        for (int i = 0; i < columns.length; i++) {
            vectors[i] = batch.getVector(columns[i]);
        }
        for (int j = 0; j < count; j++) {
            groupIds[j] = find(key(vectors, selection[j]));
        }
    }

    private Object key(FieldVector[] vectors, int row) {
        if (vectors.length == 1) {
            return value(vectors[0], row);
        }
        Object[] values = new Object[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            values[i] = value(vectors[i], row);
        }
        return Arrays.asList(values);
    }

    /** A key value whose equals is SQL's: -0.0 is 0.0, which Double.equals would tell apart. */
    private static Object value(FieldVector vector, int row) {
        Object value = VectorValues.get(vector, row);
        if (value instanceof Double d) {
            return d + 0.0d;
        }
        if (value instanceof Float f) {
            return f + 0.0f;
        }
        return value;
    }

    private int find(Object key) {
        Integer group = groupsByKey.get(key);
        if (group == null) {
            group = keys.size();
            keys.add(key);
            groupsByKey.put(key, group);
            keyBytes += GROUP_BYTES + HeapSize.ofHashEntry(key);
        }
        return group;
    }

    @Override
    public int groupOf(GroupByHash other, int otherGroup) {
        return find(((ObjectGroupByHash) other).keys.get(otherGroup));
    }

    @Override
    public void writeKey(int group, VectorSchemaRoot output, int row, int[] outputColumns) {
        Object key = keys.get(group);
        if (columns.length == 1) {
            VectorValues.set(output.getVector(outputColumns[0]), row, key);
            return;
        }
        List<?> values = (List<?>) key;
        for (int i = 0; i < outputColumns.length; i++) {
            VectorValues.set(output.getVector(outputColumns[i]), row, values.get(i));
        }
    }

    @Override
    public long estimatedBytes() {
        return keyBytes;
    }

    @Override
    public GroupByHash emptyCopy() {
        return new ObjectGroupByHash(columns);
    }
}
