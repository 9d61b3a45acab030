package io.sluice.runtime.operator.limit;

import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.vector.Batches;
import org.apache.arrow.vector.VectorSchemaRoot;

/** See {@link LimitOperatorFactory}. */
final class LimitOperator implements Operator {
    private final Output output;
    private final TaskContext context;
    private long remaining;
    private boolean done;

    LimitOperator(long limit, TaskContext context, Output output) {
        this.remaining = limit;
        this.context = context;
        this.output = output;
        if (limit == 0) {
            complete();
        }
    }

    @Override
    public void process(VectorSchemaRoot batch) {
        if (done) {
            return;
        }
        int rows = batch.getRowCount();
        if (rows <= remaining) {
            remaining -= rows;
            output.emit(batch);
        } else {
            try (VectorSchemaRoot head = VectorSchemaRoot.create(batch.getSchema(), context.allocator())) {
                Batches.appendRows(batch, 0, (int) remaining, head);
                remaining = 0;
                output.emit(head);
            }
        }
        if (remaining == 0) {
            complete();
        }
    }

    @Override
    public void processWatermark(long watermark) {
        if (!done) {
            output.emitWatermark(watermark);
        }
    }

    @Override
    public void finish() {
        if (!done) {
            done = true;
            output.finish();
        }
    }

    @Override
    public void close() {
        output.close();
    }

    private void complete() {
        done = true;
        output.finish();
        context.job().finishEarly();
    }
}
