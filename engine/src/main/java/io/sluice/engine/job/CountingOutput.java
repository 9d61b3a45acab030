package io.sluice.engine.job;

import io.sluice.runtime.checkpoint.WrappingOutput;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.vector.Batches;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Counts the rows a job hands to its sink, as the job's records out; checkpoints see the sink's output through it. */
final class CountingOutput implements WrappingOutput {
    private final Output sink;
    private final QueryMetrics metrics;

    CountingOutput(Output sink, QueryMetrics metrics) {
        this.sink = sink;
        this.metrics = metrics;
    }

    @Override
    public Output wrapped() {
        return sink;
    }

    @Override
    public void emit(VectorSchemaRoot batch) {
        sink.emit(batch);
        metrics.addRecordsOut(batch.getRowCount());
        metrics.addBytesOut(Batches.bytes(batch));
    }

    @Override
    public void emitWatermark(long watermark) {
        sink.emitWatermark(watermark);
    }

    @Override
    public void finish() {
        sink.finish();
    }

    @Override
    public void close() {
        sink.close();
    }
}
