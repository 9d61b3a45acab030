package io.sluice.runtime.operator.limit;

import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.Watermarks;
import io.sluice.runtime.state.OperatorSnapshot;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.task.TaskContext;
import java.io.IOException;
import io.sluice.runtime.vector.Batches;
import org.apache.arrow.vector.VectorSchemaRoot;

/** See {@link LimitOperatorFactory}. */
final class LimitOperator implements Operator, Checkpointed {
    private final LimitOperatorFactory spec;
    private final Output output;
    private final TaskContext context;
    private long remaining;
    private boolean done;

    LimitOperator(LimitOperatorFactory spec, TaskContext context, Output output) {
        this.spec = spec;
        this.remaining = spec.limit();
        this.context = context;
        this.output = output;
        if (remaining == 0) {
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

    /** How many rows may still pass. */
    @Override
    public void snapshotState(long checkpointId, StateWriter out) throws IOException {
        OperatorSnapshot.write(out, spec.name(), "LIMIT " + spec.limit(), () -> out.writeLong(remaining));
    }

    /**
     * Takes up the count where the snapshot left it. A limit the snapshot had reached ends this
     * run's output and job again, as it ended the run that took the snapshot.
     */
    @Override
    public void restoreState(StateReader in) {
        OperatorSnapshot.read(in, spec.name(), "LIMIT " + spec.limit(), () -> {
            long restored = in.readLong();
            if (restored < 0 || restored > spec.limit()) {
                throw new IOException(restored + " rows left of a LIMIT " + spec.limit());
            }
            remaining = restored;
        });
        if (remaining == 0 && !done) {
            // the run that took the snapshot passed the end of the watermark on before it
            done = true;
            finishOutput();
        }
    }

    private void complete() {
        done = true;
        output.emitWatermark(Watermarks.END);
        finishOutput();
    }

    private void finishOutput() {
        output.finish();
        if (spec.endsJob()) {
            context.job().finishEarly();
        }
    }
}
