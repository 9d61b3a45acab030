package io.sluice.runtime.window.group;

import io.sluice.runtime.vector.VectorValues;
import io.sluice.runtime.vector.Vectors;
import java.util.Arrays;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Grouping by one integral column (BIGINT, INT, SMALLINT, TINYINT, DATE, TIMESTAMP): keys are
 * read straight from the Arrow buffer as longs and found by open addressing in primitive arrays.
 * NULL is a group of its own.
 */
final class LongGroupByHash implements GroupByHash {
    private static final int EMPTY = -1;

    private final int column;
    private final int width;
    private long[] keys;
    private int[] slots;
    private int mask;
    private int groups;
    private int nullGroup = EMPTY;

    LongGroupByHash(int column, int width, int expectedGroups) {
        this.column = column;
        this.width = width;
        this.keys = new long[Math.max(expectedGroups, GroupByHashes.MIN_GROUPS)];
        this.slots = new int[GroupByHashes.slotsFor(keys.length)];
        this.mask = slots.length - 1;
        Arrays.fill(slots, EMPTY);
    }

    @Override
    public int groupCount() {
        return groups;
    }

    @Override
    public void groupIds(VectorSchemaRoot batch, int[] selection, int count, int[] groupIds) {
        BaseFixedWidthVector vector = (BaseFixedWidthVector) batch.getVector(column);
        long data = vector.getDataBufferAddress();
        long validity = vector.getValidityBufferAddress();
        boolean nullable = vector.getNullCount() > 0;
        for (int j = 0; j < count; j++) {
            int row = selection[j];
            if (nullable && !Vectors.isValid(validity, row)) {
                groupIds[j] = nullGroup();
            } else {
                groupIds[j] = find(Vectors.getIntegral(data, width, row));
            }
        }
    }

    private int nullGroup() {
        if (nullGroup == EMPTY) {
            nullGroup = add(0);
        }
        return nullGroup;
    }

    private int find(long key) {
        int slot = mix(key) & mask;
        while (true) {
            int group = slots[slot];
            if (group == EMPTY) {
                group = add(key);
                slots[slot] = group;
                if (groups * 2 > mask) {
                    rehash();
                }
                return group;
            }
            if (keys[group] == key && group != nullGroup) {
                return group;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int add(long key) {
        if (groups == keys.length) {
            keys = Arrays.copyOf(keys, groups * 2);
        }
        keys[groups] = key;
        return groups++;
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        Arrays.fill(bigger, EMPTY);
        int newMask = bigger.length - 1;
        for (int group = 0; group < groups; group++) {
            if (group == nullGroup) {
                continue;
            }
            int slot = mix(keys[group]) & newMask;
            while (bigger[slot] != EMPTY) {
                slot = (slot + 1) & newMask;
            }
            bigger[slot] = group;
        }
        slots = bigger;
        mask = newMask;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public int groupOf(GroupByHash other, int otherGroup) {
        LongGroupByHash source = (LongGroupByHash) other;
        return otherGroup == source.nullGroup ? nullGroup() : find(source.keys[otherGroup]);
    }

    @Override
    public void writeKey(int group, VectorSchemaRoot output, int row, int[] columns) {
        Object value = group == nullGroup ? null : switch (width) {
            case 8 -> (Object) keys[group];
            default -> (Object) (int) keys[group];
        };
        VectorValues.set(output.getVector(columns[0]), row, value);
    }

    /** Keys of 8 and 4 bytes go straight into the column's buffers; others as {@link #writeKey} writes them. */
    @Override
    public void writeKeys(int firstGroup, int count, VectorSchemaRoot output, int firstRow, int[] columns) {
        if (!(output.getVector(columns[0]) instanceof BaseFixedWidthVector vector) || vector.getTypeWidth() != width
                || (width != 8 && width != 4)) {
            GroupByHash.super.writeKeys(firstGroup, count, output, firstRow, columns);
            return;
        }
        Vectors.growTo(vector, firstRow + count);
        long data = vector.getDataBufferAddress();
        long validity = vector.getValidityBufferAddress();
        for (int i = 0; i < count; i++) {
            int group = firstGroup + i;
            int row = firstRow + i;
            if (group == nullGroup) {
                Vectors.setNull(validity, row);
                continue;
            }
            Vectors.setValid(validity, row);
            Vectors.putIntegral(data, width, row, keys[group]);
        }
    }

    @Override
    public long estimatedBytes() {
        return 8L * keys.length + 4L * slots.length;
    }

    @Override
    public GroupByHash emptyCopy() {
        return new LongGroupByHash(column, width, GroupByHashes.MIN_GROUPS);
    }
}
