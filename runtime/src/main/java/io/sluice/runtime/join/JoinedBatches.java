package io.sluice.runtime.join;

import io.sluice.runtime.vector.Batches;
import io.sluice.runtime.vector.Vectors;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/** Builds the columns of joined rows from the rows of each side, a missing row ({@link JoinRows#NONE}) as NULLs. */
final class JoinedBatches {
    private JoinedBatches() {
    }

    /**
     * The columns of {@code rows[0..count)} of {@code source} (of {@code schema}), a row
     * {@link JoinRows#NONE} as all NULL; owned by the caller.
     */
    static List<FieldVector> take(VectorSchemaRoot source, Schema schema, int[] rows, int count,
                                  BufferAllocator allocator) {
        int present = -1;
        boolean missing = false;
        for (int j = 0; j < count; j++) {
            if (rows[j] == JoinRows.NONE) {
                missing = true;
            } else if (present < 0) {
                present = rows[j];
            }
        }
        if (present < 0) {
            return nulls(schema, count, allocator);
        }
        if (!missing) {
            return Batches.take(source, rows, count, allocator).getFieldVectors();
        }
        int[] substituted = new int[count];
        for (int j = 0; j < count; j++) {
            substituted[j] = rows[j] == JoinRows.NONE ? present : rows[j];
        }
        List<FieldVector> columns = Batches.take(source, substituted, count, allocator).getFieldVectors();
        for (FieldVector column : columns) {
            long validity = column.getValidityBufferAddress();
            for (int j = 0; j < count; j++) {
                if (rows[j] == JoinRows.NONE) {
                    Vectors.setNull(validity, j);
                }
            }
        }
        return columns;
    }

    private static List<FieldVector> nulls(Schema schema, int count, BufferAllocator allocator) {
        VectorSchemaRoot nulls = VectorSchemaRoot.create(schema, allocator);
        for (FieldVector vector : nulls.getFieldVectors()) {
            vector.setInitialCapacity(count);
            vector.allocateNew();
            vector.setValueCount(count);
        }
        return nulls.getFieldVectors();
    }

    /** A batch of the given columns (its vectors owned by the batch). */
    static VectorSchemaRoot of(List<FieldVector> left, List<FieldVector> right, int count) {
        List<FieldVector> vectors = new ArrayList<>(left);
        vectors.addAll(right);
        VectorSchemaRoot batch = new VectorSchemaRoot(vectors);
        batch.setRowCount(count);
        return batch;
    }
}
