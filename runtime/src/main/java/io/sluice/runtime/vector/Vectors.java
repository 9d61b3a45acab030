package io.sluice.runtime.vector;

import io.sluice.runtime.function.Decimals;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Small, static accessors over Arrow buffers for generated code and hot loops. Static so that
 * the JIT inlines them; addresses come from the vectors once per batch.
 */
public final class Vectors {
    private Vectors() {
    }

    /** Makes room for {@code count} values, so that writes by address stay in bounds. */
    public static void ensureCapacity(BaseFixedWidthVector vector, int count) {
        if (vector.getValueCapacity() < count) {
            vector.allocateNew(Math.max(count, 16));
        }
    }

    /** Grows the vector, keeping its values, until it holds {@code count} values. */
    public static void growTo(BaseFixedWidthVector vector, int count) {
        while (vector.getValueCapacity() < count) {
            vector.reAlloc();
        }
    }

    /** Reads row {@code row} of an integral column of {@code width} bytes (8, 4, 2 or 1) as a long. */
    public static long getIntegral(long dataAddress, int width, int row) {
        return switch (width) {
            case 8 -> MemoryUtil.getLong(dataAddress + ((long) row << 3));
            case 4 -> MemoryUtil.getInt(dataAddress + ((long) row << 2));
            case 2 -> MemoryUtil.getShort(dataAddress + ((long) row << 1));
            default -> MemoryUtil.getByte(dataAddress + row);
        };
    }

    /** Writes {@code value} into row {@code row} of an integral column of 8 or 4 bytes. */
    public static void putIntegral(long dataAddress, int width, int row, long value) {
        if (width == 8) {
            MemoryUtil.putLong(dataAddress + ((long) row << 3), value);
        } else {
            MemoryUtil.putInt(dataAddress + ((long) row << 2), (int) value);
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
     * Copies the strings of rows {@code selection[0, count)} (increasing, as a kernel's filter
     * writes them) of a string column to rows {@code [0, count)} of a VARCHAR vector, nulls
     * included, and marks them set: a string passed through keeps its UTF-8 bytes, with no
     * String in between and no per-row call into the vector. The output grows once, to what the
     * rows need. When every row is taken in order (no filter), the bytes and offsets are copied
     * as two blocks.
     */
    public static void copyStrings(BaseVariableWidthVector in, int[] selection, int count, VarCharVector out) {
        long inOffsets = in.getOffsetBufferAddress();
        long inData = in.getDataBufferAddress();
        long inValidity = in.getValidityBufferAddress();
        boolean everyRow = count > 0 && selection[count - 1] == count - 1 && MemoryUtil.getInt(inOffsets) == 0;
        long bytes = 0;
        if (everyRow) {
            bytes = MemoryUtil.getInt(inOffsets + ((long) count << 2));
        } else {
            for (int j = 0; j < count; j++) {
                int row = selection[j];
                bytes += MemoryUtil.getInt(inOffsets + ((long) (row + 1) << 2)) - MemoryUtil.getInt(inOffsets + ((long) row << 2));
            }
        }
        while (out.getValueCapacity() < count) {
            out.reallocValidityAndOffsetBuffers();
        }
        while (out.getByteCapacity() < bytes) {
            out.reallocDataBuffer();
        }
        long outOffsets = out.getOffsetBufferAddress();
        long outData = out.getDataBufferAddress();
        long outValidity = out.getValidityBufferAddress();
        if (everyRow) {
            // selection is increasing, so ending at count - 1 means it is 0, 1, ..., count - 1
            MemoryUtil.copyMemory(inOffsets, outOffsets, ((long) count + 1) << 2);
            MemoryUtil.copyMemory(inData, outData, bytes);
            for (int j = 0; j < count; j++) {
                if (isValid(inValidity, j)) {
                    setValid(outValidity, j);
                } else {
                    setNull(outValidity, j);
                }
            }
        } else {
            int end = 0;
            MemoryUtil.putInt(outOffsets, 0);
            for (int j = 0; j < count; j++) {
                int row = selection[j];
                if (isValid(inValidity, row)) {
                    int start = MemoryUtil.getInt(inOffsets + ((long) row << 2));
                    int length = MemoryUtil.getInt(inOffsets + ((long) (row + 1) << 2)) - start;
                    MemoryUtil.copyMemory(inData + start, outData + end, length);
                    end += length;
                    setValid(outValidity, j);
                } else {
                    setNull(outValidity, j);
                }
                MemoryUtil.putInt(outOffsets + ((long) (j + 1) << 2), end);
            }
        }
        out.setLastSet(count - 1);
    }

    /**
     * Stores a decimal given as its unscaled long at {@code row} of a DECIMAL vector's data
     * buffer: Arrow's 128-bit little-endian two's complement, the long then its sign. Validity
     * is the caller's, as with the other writes by address.
     */
    public static void putDecimal(long dataAddress, int row, long unscaled) {
        long address = dataAddress + ((long) row << 4);
        MemoryUtil.putLong(address, unscaled);
        MemoryUtil.putLong(address + 8, unscaled >> 63);
    }

    /** The unscaled long of a decimal of at most 18 digits at {@code row} of a DECIMAL vector's data buffer. */
    public static long getDecimalUnscaled(long dataAddress, int row) {
        return MemoryUtil.getLong(dataAddress + ((long) row << 4));
    }

    /**
     * Writes a decimal of the vector's scale. One whose unscaled value fits in a long (at most 18
     * digits) is written as that long, without the byte array a BigDecimal write makes.
     */
    public static void setDecimal(DecimalVector vector, int row, BigDecimal value) {
        int precision = value.precision();
        if (value.scale() == vector.getScale() && precision <= Decimals.LONG_DIGITS && precision <= vector.getPrecision()) {
            vector.setSafe(row, value.movePointRight(value.scale()).longValueExact());
        } else {
            vector.setSafe(row, value);
        }
    }
}
