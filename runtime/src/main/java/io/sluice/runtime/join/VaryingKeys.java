package io.sluice.runtime.join;

import java.util.Arrays;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The key pairs that tell one window's rows apart. Within a window the window bounds hold one
 * value on both sides, so a key pair whose columns hold one and the same integral value in every
 * row of both inputs matches every row with every row and is left out: the rows are then numbered
 * by the other keys alone (a window join on {@code id} and the bounds hashes {@code id} only).
 * When such columns hold one value on each side but not the same one, no row matches.
 *
 * @param left     the left input's key columns still to compare
 * @param right    the right input's key columns, pairwise with {@code left}
 * @param disjoint whether the left out columns already tell that no row matches
 */
record VaryingKeys(int[] left, int[] right, boolean disjoint) {
    static VaryingKeys of(int[] leftKeys, int[] rightKeys, VectorSchemaRoot left, VectorSchemaRoot right) {
        int[] keptLeft = new int[leftKeys.length];
        int[] keptRight = new int[rightKeys.length];
        int kept = 0;
        boolean disjoint = false;
        long[] value = new long[2];
        for (int i = 0; i < leftKeys.length; i++) {
            if (oneValue(left.getVector(leftKeys[i]), left.getRowCount(), value, 0)
                    && oneValue(right.getVector(rightKeys[i]), right.getRowCount(), value, 1)) {
                disjoint |= value[0] != value[1];
                continue;
            }
            keptLeft[kept] = leftKeys[i];
            keptRight[kept] = rightKeys[i];
            kept++;
        }
        return new VaryingKeys(Arrays.copyOf(keptLeft, kept), Arrays.copyOf(keptRight, kept), disjoint);
    }

    /**
     * Whether a BIGINT or TIMESTAMP column holds one value, never NULL, in its {@code count > 0}
     * rows; if so the value goes to {@code value[at]}.
     */
    private static boolean oneValue(FieldVector column, int count, long[] value, int at) {
        if (count == 0 || !(column instanceof BigIntVector || column instanceof TimeStampVector)
                || column.getNullCount() > 0) {
            return false;
        }
        long data = column.getDataBufferAddress();
        long first = MemoryUtil.getLong(data);
        for (int row = 1; row < count; row++) {
            if (MemoryUtil.getLong(data + ((long) row << 3)) != first) {
                return false;
            }
        }
        value[at] = first;
        return true;
    }
}
