package io.sluice.runtime.window.group;

import io.sluice.runtime.vector.VectorValues;
import io.sluice.runtime.vector.Vectors;
import java.util.Arrays;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Grouping by several integral columns (BIGINT, INT, SMALLINT, TINYINT, DATE, TIMESTAMP), such as
 * the window bounds a windowed result carries: each row's key is read straight from the Arrow
 * buffers as longs, kept flat in one array (a run of longs per group) with a mask of its NULL
 * columns, and found by open addressing. No object per row or per group.
 */
final class MultiLongGroupByHash implements GroupByHash {
    /** The most key columns: one bit each in a group's null mask. */
    static final int MAX_COLUMNS = Long.SIZE;
    private static final int EMPTY = -1;

    private final int[] columns;
    private final int[] widths;
    private final int arity;
    /** Row {@code g}'s key is {@code keys[g * arity, (g + 1) * arity)}; a NULL column holds 0. */
    private long[] keys;
    /** Bit {@code c} of {@code nulls[g]} is set when column {@code c} of group {@code g}'s key is NULL. */
    private long[] nulls;
    private int[] slots;
    private int mask;
    private int groups;
    /** The key being looked up. */
    private final long[] probe;

    /** @param widths the byte width of each column, as its values are stored in Arrow */
    MultiLongGroupByHash(int[] columns, int[] widths, int expectedGroups) {
        if (columns.length < 2 || columns.length > MAX_COLUMNS || widths.length != columns.length) {
            throw new IllegalArgumentException("between 2 and " + MAX_COLUMNS + " key columns, each with a width");
        }
        this.columns = columns.clone();
        this.widths = widths.clone();
        this.arity = columns.length;
        this.nulls = new long[Math.max(expectedGroups, GroupByHashes.MIN_GROUPS)];
        this.keys = new long[nulls.length * arity];
        this.slots = new int[GroupByHashes.slotsFor(nulls.length)];
        this.mask = slots.length - 1;
        this.probe = new long[arity];
        Arrays.fill(slots, EMPTY);
    }

    @Override
    public int groupCount() {
        return groups;
    }

    @Override
    public void groupIds(VectorSchemaRoot batch, int[] selection, int count, int[] groupIds) {
        long[] data = new long[arity];
        long[] validity = new long[arity];
        boolean[] nullable = new boolean[arity];
        for (int c = 0; c < arity; c++) {
            FieldVector vector = batch.getVector(columns[c]);
            data[c] = vector.getDataBufferAddress();
            validity[c] = vector.getValidityBufferAddress();
            nullable[c] = vector.getNullCount() > 0;
        }
        for (int j = 0; j < count; j++) {
            int row = selection[j];
            long nullMask = 0;
            for (int c = 0; c < arity; c++) {
                if (nullable[c] && !Vectors.isValid(validity[c], row)) {
                    nullMask |= 1L << c;
                    probe[c] = 0;
                } else {
                    probe[c] = Vectors.getIntegral(data[c], widths[c], row);
                }
            }
            groupIds[j] = find(nullMask);
        }
    }

    /** The group of the key in {@link #probe} with these NULL columns, added if new. */
    private int find(long nullMask) {
        int slot = hash(probe, 0, nullMask) & mask;
        while (true) {
            int group = slots[slot];
            if (group == EMPTY) {
                group = add(nullMask);
                slots[slot] = group;
                if (groups * 2 > mask) {
                    rehash();
                }
                return group;
            }
            if (nulls[group] == nullMask && sameKey(group)) {
                return group;
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean sameKey(int group) {
        int base = group * arity;
        for (int c = 0; c < arity; c++) {
            if (keys[base + c] != probe[c]) {
                return false;
            }
        }
        return true;
    }

    private int add(long nullMask) {
        if (groups == nulls.length) {
            nulls = Arrays.copyOf(nulls, groups * 2);
            keys = Arrays.copyOf(keys, groups * 2 * arity);
        }
        System.arraycopy(probe, 0, keys, groups * arity, arity);
        nulls[groups] = nullMask;
        return groups++;
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        Arrays.fill(bigger, EMPTY);
        int newMask = bigger.length - 1;
        for (int group = 0; group < groups; group++) {
            int slot = hash(keys, group * arity, nulls[group]) & newMask;
            while (bigger[slot] != EMPTY) {
                slot = (slot + 1) & newMask;
            }
            bigger[slot] = group;
        }
        slots = bigger;
        mask = newMask;
    }

    private int hash(long[] values, int from, long nullMask) {
        long h = nullMask * 0xC2B2AE3D27D4EB4FL;
        for (int c = 0; c < arity; c++) {
            h = (h ^ values[from + c]) * 0x9E3779B97F4A7C15L;
        }
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public int groupOf(GroupByHash other, int otherGroup) {
        MultiLongGroupByHash source = (MultiLongGroupByHash) other;
        System.arraycopy(source.keys, otherGroup * arity, probe, 0, arity);
        return find(source.nulls[otherGroup]);
    }

    @Override
    public void writeKey(int group, VectorSchemaRoot output, int row, int[] outputColumns) {
        for (int c = 0; c < arity; c++) {
            FieldVector vector = output.getVector(outputColumns[c]);
            if ((nulls[group] & (1L << c)) != 0) {
                vector.setNull(row);
            } else {
                long value = keys[group * arity + c];
                VectorValues.set(vector, row, widths[c] == 8 ? (Object) value : (Object) (int) value);
            }
        }
    }

    /** Columns of 8- and 4-byte values go straight into their buffers; others as {@link #writeKey} writes them. */
    @Override
    public void writeKeys(int firstGroup, int count, VectorSchemaRoot output, int firstRow, int[] outputColumns) {
        for (int c = 0; c < arity; c++) {
            FieldVector target = output.getVector(outputColumns[c]);
            int width = widths[c];
            if (!(target instanceof BaseFixedWidthVector vector) || vector.getTypeWidth() != width
                    || (width != 8 && width != 4)) {
                for (int i = 0; i < count; i++) {
                    int group = firstGroup + i;
                    if ((nulls[group] & (1L << c)) != 0) {
                        target.setNull(firstRow + i);
                    } else {
                        long value = keys[group * arity + c];
                        VectorValues.set(target, firstRow + i, width == 8 ? (Object) value : (Object) (int) value);
                    }
                }
                continue;
            }
            Vectors.growTo(vector, firstRow + count);
            long data = vector.getDataBufferAddress();
            long validity = vector.getValidityBufferAddress();
            for (int i = 0; i < count; i++) {
                int group = firstGroup + i;
                int row = firstRow + i;
                if ((nulls[group] & (1L << c)) != 0) {
                    Vectors.setNull(validity, row);
                    continue;
                }
                Vectors.setValid(validity, row);
                Vectors.putIntegral(data, width, row, keys[group * arity + c]);
            }
        }
    }

    @Override
    public long estimatedBytes() {
        return 8L * keys.length + 8L * nulls.length + 4L * slots.length;
    }

    @Override
    public GroupByHash emptyCopy() {
        return new MultiLongGroupByHash(columns, widths, GroupByHashes.MIN_GROUPS);
    }
}
