package io.sluice.runtime.vector;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Views of some columns of a batch, over the batch's own vectors, for code made for those columns
 * only (a format's encoder of a record's key, of a changelog's rows without their kinds). Nothing
 * is copied; a view is never closed, since its vectors belong to the batch.
 */
public final class ColumnViews {
    private ColumnViews() {
    }

    /** Columns {@code columns[0]}, {@code columns[1]} … of the batch, with its row count. */
    public static VectorSchemaRoot of(VectorSchemaRoot batch, int[] columns) {
        List<FieldVector> vectors = new ArrayList<>(columns.length);
        for (int column : columns) {
            vectors.add(batch.getVector(column));
        }
        return new VectorSchemaRoot(vectors);
    }

    /** The first {@code count} columns of the batch, with its row count. */
    public static VectorSchemaRoot leading(VectorSchemaRoot batch, int count) {
        return new VectorSchemaRoot(batch.getFieldVectors().subList(0, count));
    }
}
