package io.sluice.runtime.window.group;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;

/** Picks the fastest hash for a set of key columns. */
public final class GroupByHashes {
    /** The room a hash starts with, however few keys are expected. */
    static final int MIN_GROUPS = 16;

    private GroupByHashes() {
    }

    /** An empty hash over the given key columns of batches with this schema. */
    public static GroupByHash create(Schema schema, int[] keyColumns) {
        return create(schema, keyColumns, MIN_GROUPS);
    }

    /** An empty hash sized for about {@code expectedGroups} keys, so that filling it does not grow it. */
    public static GroupByHash create(Schema schema, int[] keyColumns, int expectedGroups) {
        if (keyColumns.length == 0) {
            return new NoKeyGroupByHash();
        }
        int[] widths = new int[keyColumns.length];
        boolean integral = true;
        for (int i = 0; i < keyColumns.length; i++) {
            widths[i] = integralWidth(schema.getFields().get(keyColumns[i]).getType());
            integral &= widths[i] > 0;
        }
        if (integral && keyColumns.length == 1) {
            return new LongGroupByHash(keyColumns[0], widths[0], expectedGroups);
        }
        if (integral && keyColumns.length <= MultiLongGroupByHash.MAX_COLUMNS) {
            return new MultiLongGroupByHash(keyColumns, widths, expectedGroups);
        }
        return new ObjectGroupByHash(keyColumns);
    }

    /** A power of two of open-addressing slots that holds {@code groups} keys at most half full, as the hashes keep them. */
    static int slotsFor(int groups) {
        return Integer.highestOneBit(2 * groups) << 1;
    }

    /** The byte width of a column read as a long, or 0 if it is not integral. */
    private static int integralWidth(ArrowType type) {
        if (type instanceof ArrowType.Int integer) {
            return integer.getBitWidth() / 8;
        }
        if (type instanceof ArrowType.Timestamp || type instanceof ArrowType.Duration) {
            return 8;
        }
        if (type instanceof ArrowType.Date || type instanceof ArrowType.Time) {
            return 4;
        }
        return 0;
    }
}
