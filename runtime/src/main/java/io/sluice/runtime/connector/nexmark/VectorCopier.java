package io.sluice.runtime.connector.nexmark;

import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Copies event buffer columns into Arrow vectors with raw memory writes: no per-row calls
 * through the vector API and its checks. Every row written is non-null. The vector is grown
 * when it is too small; its previous content is overwritten.
 */
final class VectorCopier {
    private VectorCopier() {
    }

    /** Writes {@code values[0, count)} into an 8-byte vector (BIGINT, or TIMESTAMP in milliseconds). */
    static void copyLongs(long[] values, int count, BaseFixedWidthVector vector) {
        if (vector.getValueCapacity() < count) {
            vector.clear();
            vector.allocateNew(count);
        }
        long data = vector.getDataBufferAddress();
        for (int i = 0; i < count; i++) {
            MemoryUtil.putLong(data + ((long) i << 3), values[i]);
        }
        setValid(vector.getValidityBufferAddress(), count);
        vector.setValueCount(count);
    }

    /**
     * Writes rows {@code [0, count)} of {@code strings} into a VARCHAR vector. Strings are copied
     * in 16-byte steps, which may read past a row into the column's slack and write past it into
     * room the next row (or the buffer's spare end) covers.
     */
    static void copyStrings(StringColumn strings, int count, VarCharVector vector) {
        long room = strings.totalLength(count) + StringColumn.SLACK;
        if (vector.getValueCapacity() < count) {
            vector.clear();
            vector.allocateNew(room, count);
        } else if (vector.getByteCapacity() < room) {
            vector.reallocDataBuffer(room);
        }
        byte[] bytes = strings.bytes();
        int[] offsets = strings.offsets();
        int[] lengths = strings.lengths();
        long offsetAddress = vector.getOffsetBufferAddress();
        long data = vector.getDataBufferAddress();
        int end = 0;
        MemoryUtil.putInt(offsetAddress, 0);
        for (int i = 0; i < count; i++) {
            int length = lengths[i];
            long target = data + end;
            int source = offsets[i];
            if (length <= 16) {
                // short strings (names, channels) without the setup of a loop
                MemoryUtil.putLong(target, MemoryUtil.getLong(bytes, source));
                MemoryUtil.putLong(target + 8, MemoryUtil.getLong(bytes, source + 8));
            } else {
                for (int step = 0; step < length; step += 16) {
                    MemoryUtil.putLong(target + step, MemoryUtil.getLong(bytes, source + step));
                    MemoryUtil.putLong(target + step + 8, MemoryUtil.getLong(bytes, source + step + 8));
                }
            }
            end += length;
            MemoryUtil.putInt(offsetAddress + ((long) (i + 1) << 2), end);
        }
        setValid(vector.getValidityBufferAddress(), count);
        vector.setLastSet(count - 1);
        vector.setValueCount(count);
    }

    private static void setValid(long validity, int count) {
        int fullBytes = count >>> 3;
        MemoryUtil.setMemory(validity, fullBytes, (byte) 0xFF);
        int rest = count & 7;
        if (rest != 0) {
            MemoryUtil.putByte(validity + fullBytes, (byte) ((1 << rest) - 1));
        }
    }
}
