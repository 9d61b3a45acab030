package io.sluice.runtime.vector;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.VectorAppender;

/** Copies of batches, for the places where rows must outlive the call that lent them. */
public final class Batches {
    private Batches() {
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
