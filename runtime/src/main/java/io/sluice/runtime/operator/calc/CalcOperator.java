package io.sluice.runtime.operator.calc;

import io.sluice.runtime.codegen.CalcKernel;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/** Runs a generated filter and projection over each batch; empty results are not emitted. */
final class CalcOperator implements Operator {
    private final CalcKernel kernel;
    private final Output output;
    private final BufferAllocator allocator;
    private final VectorSchemaRoot projected;
    private int[] selection;

    CalcOperator(CalcKernel kernel, Schema outputSchema, TaskContext context, Output output) {
        this.kernel = kernel;
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
        kernel.project(batch, selection, selected, projected);
        output.emit(projected);
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
        try {
            projected.close();
            allocator.close();
        } finally {
            output.close();
        }
    }
}
