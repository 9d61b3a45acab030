package io.sluice.runtime.operator.calc;

import io.sluice.runtime.codegen.CalcKernel;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Runs a generated filter and projection over each batch; empty results are not emitted. When
 * every row of a batch passes, the input columns that the projection passes on unchanged are
 * not copied: the batch emitted holds the input's own vectors for them (both are borrowed for
 * the call only).
 */
final class CalcOperator implements Operator {
    private final CalcKernel kernel;
    private final Schema outputSchema;
    private final int[] passedOn;
    private final boolean passesColumnsOn;
    private final Output output;
    private final BufferAllocator allocator;
    private final VectorSchemaRoot projected;
    private int[] selection;

    CalcOperator(CalcKernel kernel, Schema outputSchema, int[] passedOn, TaskContext context, Output output) {
        this.kernel = kernel;
        this.outputSchema = outputSchema;
        this.passedOn = passedOn;
        this.passesColumnsOn = Arrays.stream(passedOn).anyMatch(column -> column >= 0);
        this.output = output;
        this.allocator = context.allocator().newChildAllocator(context.taskName() + "/Calc", 0, Long.MAX_VALUE);
        this.projected = VectorSchemaRoot.create(outputSchema, allocator);
        this.selection = new int[context.batchSize()];
    }

    @Override
    public void process(VectorSchemaRoot batch) {
        int rows = batch.getRowCount();
        if (rows == 0) {
            return;
        }
        if (selection.length < rows) {
            selection = new int[rows];
        }
        int selected = kernel.filter(batch, selection);
        if (selected == 0) {
            return;
        }
        if (selected == rows && passesColumnsOn) {
            kernel.projectComputed(batch, selection, rows, projected);
            List<FieldVector> vectors = new ArrayList<>(passedOn.length);
            for (int k = 0; k < passedOn.length; k++) {
                vectors.add(passedOn[k] >= 0 ? batch.getVector(passedOn[k]) : projected.getVector(k));
            }
            output.emit(new VectorSchemaRoot(outputSchema, vectors, rows));
            return;
        }
        kernel.project(batch, selection, selected, projected);
        output.emit(projected);
    }

    @Override
    public void processWatermark(long watermark) {
        kernel.watermark(watermark);
        output.emitWatermark(watermark);
    }

    @Override
    public void finish() {
        output.finish();
    }

    @Override
    public void close() {
        try {
            projected.close();
            allocator.close();
        } finally {
            output.close();
        }
    }
}
