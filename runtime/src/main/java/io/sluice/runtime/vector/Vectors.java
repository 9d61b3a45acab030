package io.sluice.runtime.vector;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Small, static accessors over Arrow buffers for generated code and hot loops. Static so that
 * the JIT inlines them; addresses come from the vectors once per batch.
 */
public final class Vectors {
    /** The most decimal digits every long can hold. */
    private static final int LONG_DIGITS = 18;

    private Vectors() {
    }

    /** Makes room for {@code count} values, so that writes by address stay in bounds. */
    public static void ensureCapacity(BaseFixedWidthVector vector, int count) {
        if (vector.getValueCapacity() < count) {
            vector.allocateNew(Math.max(count, 16));
        }
    }

    public static boolean isValid(long validityAddress, int row) {
        return (MemoryUtil.getByte(validityAddress + (row >> 3)) & (1 << (row & 7))) != 0;
    }

    public static void setValid(long validityAddress, int row) {
        long address = validityAddress + (row >> 3);
        MemoryUtil.putByte(address, (byte) (MemoryUtil.getByte(address) | (1 << (row & 7))));
    }

    public static void setNull(long validityAddress, int row) {
        long address = validityAddress + (row >> 3);
        MemoryUtil.putByte(address, (byte) (MemoryUtil.getByte(address) & ~(1 << (row & 7))));
    }

    /** Marks the first {@code count} values valid, for columns that are never null. */
    public static void setAllValid(long validityAddress, int count) {
        MemoryUtil.setMemory(validityAddress, (count + 7) >> 3, (byte) 0xFF);
    }

    public static boolean getBit(long dataAddress, int row) {
        return isValid(dataAddress, row);
    }

    public static void putBit(long dataAddress, int row, boolean value) {
        if (value) {
            setValid(dataAddress, row);
        } else {
            setNull(dataAddress, row);
        }
    }

    /** Decodes row {@code row} of a VARCHAR vector, given its offset and data buffer addresses. */
    public static String readString(long offsetAddress, long dataAddress, int row) {
        int start = MemoryUtil.getInt(offsetAddress + ((long) row << 2));
        int end = MemoryUtil.getInt(offsetAddress + ((long) (row + 1) << 2));
        int length = end - start;
        byte[] bytes = new byte[length];
        MemoryUtil.copyFromMemory(dataAddress + start, bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static void setString(VarCharVector vector, int row, String value) {
        vector.setSafe(row, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Copies the bytes of row {@code row} of a string column (its offset buffer's address and its
     * data buffer) to row {@code outRow} of a VARCHAR vector, which grows as needed: a string
     * passed through keeps its UTF-8 bytes, with no String in between.
     */
    public static void copyString(long offsetAddress, ArrowBuf data, int row, VarCharVector out, int outRow) {
        int start = MemoryUtil.getInt(offsetAddress + ((long) row << 2));
        int end = MemoryUtil.getInt(offsetAddress + ((long) (row + 1) << 2));
        out.setSafe(outRow, 1, start, end, data);
    }

    /**
     * Writes a decimal of the vector's scale. One whose unscaled value fits in a long (at most 18
     * digits) is written as that long, without the byte array a BigDecimal write makes.
     */
    public static void setDecimal(DecimalVector vector, int row, BigDecimal value) {
        int precision = value.precision();
        if (value.scale() == vector.getScale() && precision <= LONG_DIGITS && precision <= vector.getPrecision()) {
            vector.setSafe(row, value.movePointRight(value.scale()).longValueExact());
        } else {
            vector.setSafe(row, value);
        }
    }
}
