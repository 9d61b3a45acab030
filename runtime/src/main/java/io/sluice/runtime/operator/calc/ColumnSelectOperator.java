package io.sluice.runtime.operator.calc;

import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Emits each batch as a batch of some of its columns, the input's own vectors under the output's
 * schema: the input is borrowed for the call, and so is what this emits, so nothing is copied.
 */
final class ColumnSelectOperator implements Operator {
    private final int[] columns;
    private final Schema outputSchema;
    private final Output output;

    ColumnSelectOperator(int[] columns, Schema outputSchema, Output output) {
        this.columns = columns;
        this.outputSchema = outputSchema;
        this.output = output;
    }

    @Override
    public void process(VectorSchemaRoot batch) {
        int rows = batch.getRowCount();
        if (rows == 0) {
            return;
        }
        List<FieldVector> vectors = new ArrayList<>(columns.length);
        for (int column : columns) {
            vectors.add(batch.getVector(column));
        }
        output.emit(new VectorSchemaRoot(outputSchema, vectors, rows));
    }

    @Override
    public void processWatermark(long watermark) {
        output.emitWatermark(watermark);
    }

    @Override
    public void finish() {
        output.finish();
    }

    @Override
    public void close() {
        output.close();
    }
}
