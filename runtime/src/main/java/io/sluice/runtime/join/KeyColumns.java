package io.sluice.runtime.join;

import io.sluice.runtime.vector.Vectors;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** The join key columns of a batch, as the joins read them: both inputs' keys by one hash, NULL keys matching nothing. */
final class KeyColumns {
    private KeyColumns() {
    }

    /**
     * Checks that the inputs' keys pair up and have the same types, so that one hash can number
     * both inputs' keys.
     */
    static void requireSameTypes(Schema leftSchema, Schema rightSchema, int[] leftKeys, int[] rightKeys) {
        if (leftKeys.length != rightKeys.length) {
            throw new IllegalArgumentException("a join needs as many keys on each side");
        }
        for (int i = 0; i < leftKeys.length; i++) {
            ArrowType leftType = leftSchema.getFields().get(leftKeys[i]).getType();
            ArrowType rightType = rightSchema.getFields().get(rightKeys[i]).getType();
            if (!leftType.equals(rightType)) {
                throw new IllegalArgumentException("join key " + i + " is " + leftType + " on the left but "
                        + rightType + " on the right");
            }
        }
    }

    /** A batch's key columns, in key order, viewed as a batch of their own (sharing its vectors: not closed). */
    static VectorSchemaRoot view(VectorSchemaRoot batch, int[] columns) {
        List<FieldVector> vectors = Arrays.stream(columns).mapToObj(batch::getVector).toList();
        List<Field> fields = vectors.stream().map(FieldVector::getField).toList();
        return new VectorSchemaRoot(fields, vectors, batch.getRowCount());
    }

    /** Writes the rows of a batch whose key columns are all non-null to {@code rows}; returns how many. */
    static int nonNullRows(VectorSchemaRoot batch, int[] columns, int[] rows) {
        long[] nullable = Arrays.stream(columns)
                .mapToObj(batch::getVector)
                .filter(vector -> vector.getNullCount() > 0)
                .mapToLong(FieldVector::getValidityBufferAddress)
                .toArray();
        int kept = 0;
        for (int row = 0; row < batch.getRowCount(); row++) {
            boolean keyed = true;
            for (long validity : nullable) {
                keyed &= Vectors.isValid(validity, row);
            }
            if (keyed) {
                rows[kept++] = row;
            }
        }
        return kept;
    }
}
