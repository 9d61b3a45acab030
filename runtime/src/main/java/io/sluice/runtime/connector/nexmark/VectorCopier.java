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
    /** A batch whose rows all fit in this many 16-byte steps is copied in a fixed number of steps per row. */
    private static final int MAX_FIXED_STEPS = 8;
    /**
     * How far past a row's end a copy may read, and past the last row's end write: a fixed-step
     * copy covers its batch's longest row, rounded up to a step.
     */
    static final int READ_AHEAD = MAX_FIXED_STEPS * 16;

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
     * room the next row (or the buffer's spare end) covers. When no row is longer than
     * {@value #MAX_FIXED_STEPS} steps, every row is copied in as many steps as the longest: more
     * bytes, but no branch that depends on a row's length, which would be mispredicted for rows
     * of random lengths.
     */
    static void copyStrings(StringColumn strings, int count, VarCharVector vector) {
        int[] lengths = strings.lengths();
        long total = 0;
        int longest = 0;
        for (int i = 0; i < count; i++) {
            total += lengths[i];
            longest = Math.max(longest, lengths[i]);
        }
        long room = total + READ_AHEAD;
        if (vector.getValueCapacity() < count) {
            vector.clear();
            vector.allocateNew(room, count);
        } else if (vector.getByteCapacity() < room) {
            vector.reallocDataBuffer(room);
        }
        int steps = (longest + 15) >>> 4;
        copyRows(strings, count, steps <= MAX_FIXED_STEPS ? steps : 0, vector);
        setValid(vector.getValidityBufferAddress(), count);
        vector.setLastSet(count - 1);
        vector.setValueCount(count);
    }

    /** Copies each row in {@code fixedSteps} 16-byte steps, or when that is 0 in as many as its length needs. */
    private static void copyRows(StringColumn strings, int count, int fixedSteps, VarCharVector vector) {
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
            if (fixedSteps > 0) {
                for (int step = 0; step < MAX_FIXED_STEPS; step++) {
                    if (step < fixedSteps) {
                        copy16(bytes, source + (step << 4), target + (step << 4));
                    }
                }
            } else {
                for (int step = 0; step < length; step += 16) {
                    copy16(bytes, source + step, target + step);
                }
            }
            end += length;
            MemoryUtil.putInt(offsetAddress + ((long) (i + 1) << 2), end);
        }
    }

    private static void copy16(byte[] bytes, int source, long target) {
        MemoryUtil.putLong(target, MemoryUtil.getLong(bytes, source));
        MemoryUtil.putLong(target + 8, MemoryUtil.getLong(bytes, source + 8));
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
