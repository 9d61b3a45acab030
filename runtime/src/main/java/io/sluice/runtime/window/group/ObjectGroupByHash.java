package io.sluice.runtime.window.group;

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
    /** A rough size of one key with its map entry, for memory accounting. */
    private static final int KEY_BYTES = 96;

    private final int[] columns;
    private final Map<Object, Integer> groupsByKey = new HashMap<>();
    private final List<Object> keys = new ArrayList<>();

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
            return VectorValues.get(vectors[0], row);
        }
        Object[] values = new Object[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            values[i] = VectorValues.get(vectors[i], row);
        }
        return Arrays.asList(values);
    }

    private int find(Object key) {
        Integer group = groupsByKey.get(key);
        if (group == null) {
            group = keys.size();
            keys.add(key);
            groupsByKey.put(key, group);
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
        return (long) KEY_BYTES * keys.size();
    }

    @Override
    public GroupByHash emptyCopy() {
        return new ObjectGroupByHash(columns);
    }
}
