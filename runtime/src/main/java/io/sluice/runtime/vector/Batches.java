package io.sluice.runtime.vector;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.VectorAppender;

/** Copies of batches, for the places where rows must outlive the call that lent them. */
public final class Batches {
    private Batches() {
    }

    /** The bytes a batch's rows take in its vectors' buffers (not their spare capacity). */
    public static long bytes(VectorSchemaRoot batch) {
        long bytes = 0;
        for (FieldVector vector : batch.getFieldVectors()) {
            bytes += vector.getBufferSize();
        }
        return bytes;
    }

    /** A deep copy of the whole batch, owned by the caller, made with bulk buffer copies. */
    public static VectorSchemaRoot copy(VectorSchemaRoot source, BufferAllocator allocator) {
        VectorSchemaRoot copy = VectorSchemaRoot.create(source.getSchema(), allocator);
        try {
            // Appending reads the target's offsets, so they must exist even when it is empty.
            copy.allocateNew();
            int rows = source.getRowCount();
            for (int i = 0; i < source.getFieldVectors().size(); i++) {
                FieldVector from = source.getVector(i);
                FieldVector to = copy.getVector(i);
                if (from.getValueCount() != rows) {
                    from.setValueCount(rows);
                }
                from.accept(new VectorAppender(to), null);
            }
            copy.setRowCount(rows);
            return copy;
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
    }

    /** Appends all the rows of {@code source} to {@code target} (same schema), with bulk buffer copies. */
    public static void append(VectorSchemaRoot source, VectorSchemaRoot target) {
        int rows = source.getRowCount();
        int base = target.getRowCount();
        for (int i = 0; i < source.getFieldVectors().size(); i++) {
            FieldVector from = source.getVector(i);
            if (from.getValueCount() != rows) {
                from.setValueCount(rows);
            }
            from.accept(new VectorAppender(target.getVector(i)), null);
        }
        target.setRowCount(base + rows);
    }

    /**
     * A new batch of the rows {@code rows[0..count)} of {@code source}, in that order, owned by the
     * caller: fixed-width values and strings are copied by address, without a call per value.
     */
    public static VectorSchemaRoot take(VectorSchemaRoot source, int[] rows, int count, BufferAllocator allocator) {
        VectorSchemaRoot target = VectorSchemaRoot.create(source.getSchema(), allocator);
        try {
            for (int i = 0; i < source.getFieldVectors().size(); i++) {
                take(source.getVector(i), rows, count, target.getVector(i));
            }
            target.setRowCount(count);
            return target;
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
    }

    private static void take(FieldVector from, int[] rows, int count, FieldVector to) {
        if (from instanceof BaseFixedWidthVector fixed && !(from instanceof BitVector)) {
            int width = fixed.getTypeWidth();
            ((BaseFixedWidthVector) to).allocateNew(count);
            long source = from.getDataBufferAddress();
            long target = to.getDataBufferAddress();
            for (int j = 0; j < count; j++) {
                long offset = (long) rows[j] * width;
                if (width == 8) {
                    MemoryUtil.putLong(target + ((long) j << 3), MemoryUtil.getLong(source + offset));
                } else if (width == 4) {
                    MemoryUtil.putInt(target + ((long) j << 2), MemoryUtil.getInt(source + offset));
                } else {
                    MemoryUtil.copyMemory(source + offset, target + (long) j * width, width);
                }
            }
            copyValidity(from, rows, count, to);
        } else if (from instanceof BaseVariableWidthVector variable) {
            long sourceOffsets = variable.getOffsetBufferAddress();
            long bytes = 0;
            for (int j = 0; j < count; j++) {
                int row = rows[j];
                bytes += MemoryUtil.getInt(sourceOffsets + ((long) (row + 1) << 2)) - MemoryUtil.getInt(sourceOffsets + ((long) row << 2));
            }
            BaseVariableWidthVector target = (BaseVariableWidthVector) to;
            target.allocateNew(Math.max(bytes, 1), count);
            long sourceData = variable.getDataBufferAddress();
            long targetOffsets = target.getOffsetBufferAddress();
            long targetData = target.getDataBufferAddress();
            int end = 0;
            MemoryUtil.putInt(targetOffsets, 0);
            for (int j = 0; j < count; j++) {
                int row = rows[j];
                int start = MemoryUtil.getInt(sourceOffsets + ((long) row << 2));
                int length = MemoryUtil.getInt(sourceOffsets + ((long) (row + 1) << 2)) - start;
                MemoryUtil.copyMemory(sourceData + start, targetData + end, length);
                end += length;
                MemoryUtil.putInt(targetOffsets + ((long) (j + 1) << 2), end);
            }
            copyValidity(from, rows, count, to);
            target.setLastSet(count - 1);
        } else {
            to.setInitialCapacity(count);
            to.allocateNew();
            for (int j = 0; j < count; j++) {
                to.copyFromSafe(rows[j], j, from);
            }
        }
        to.setValueCount(count);
    }

    private static void copyValidity(FieldVector from, int[] rows, int count, FieldVector to) {
        long source = from.getValidityBufferAddress();
        long target = to.getValidityBufferAddress();
        MemoryUtil.setMemory(target, (count + 7) >> 3, (byte) 0);
        for (int j = 0; j < count; j++) {
            if (Vectors.isValid(source, rows[j])) {
                Vectors.setValid(target, j);
            }
        }
    }

    /** Appends rows {@code [from, from + count)} of {@code source} to {@code target}, row by row. */
    public static void appendRows(VectorSchemaRoot source, int from, int count, VectorSchemaRoot target) {
        int base = target.getRowCount();
        for (int i = 0; i < source.getFieldVectors().size(); i++) {
            FieldVector to = target.getVector(i);
            FieldVector src = source.getVector(i);
            for (int row = 0; row < count; row++) {
                to.copyFromSafe(from + row, base + row, src);
            }
        }
        target.setRowCount(base + count);
    }
}
