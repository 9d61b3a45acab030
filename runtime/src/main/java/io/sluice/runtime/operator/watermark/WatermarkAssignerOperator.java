package io.sluice.runtime.operator.watermark;

import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.WatermarkStrategy;
import io.sluice.runtime.operator.Watermarks;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Passes batches on and, after each, the watermark its strategy allows, as a source task does for
 * a rowtime it reads. A watermark from upstream (a source that makes its own, or the end of input)
 * is passed on when it is ahead; watermarks leave in ascending order. Keeps nothing a checkpoint
 * needs: like a source task, it starts again from the rows it sees.
 */
final class WatermarkAssignerOperator implements Operator {
    private final WatermarkStrategy strategy;
    private final Output output;
    private long emitted = Watermarks.NONE;

    WatermarkAssignerOperator(WatermarkStrategy strategy, Output output) {
        this.strategy = strategy;
        this.output = output;
    }

    @Override
    public void process(VectorSchemaRoot batch) {
        if (batch.getRowCount() == 0) {
            return;
        }
        output.emit(batch);
        advance(strategy.watermarkOf(batch));
    }

    @Override
    public void processWatermark(long watermark) {
        advance(watermark);
    }

    private void advance(long watermark) {
        if (watermark > emitted) {
            emitted = watermark;
            output.emitWatermark(watermark);
        }
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
