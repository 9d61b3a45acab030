package io.sluice.runtime.exchange;

import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Sends everything a task produces into several exchanges, each feeding another pipeline: how a
 * job with several INSERTs reads a shared source once. Each exchange gets its own copy of a batch.
 */
public final class FanOutOutput implements IdleAwareOutput {
    private final List<ExchangeOutput> outputs;

    public FanOutOutput(List<ExchangeOutput> outputs) {
        this.outputs = List.copyOf(outputs);
        if (this.outputs.isEmpty()) {
            throw new IllegalArgumentException("a fan-out needs outputs");
        }
    }

    @Override
    public void emit(VectorSchemaRoot batch) {
        for (ExchangeOutput output : outputs) {
            output.emit(batch);
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        for (ExchangeOutput output : outputs) {
            output.emitWatermark(watermark);
        }
    }

    @Override
    public void markIdle(boolean idle) {
        for (ExchangeOutput output : outputs) {
            output.markIdle(idle);
        }
    }

    @Override
    public void emitBarrier(long checkpointId) {
        for (ExchangeOutput output : outputs) {
            output.emitBarrier(checkpointId);
        }
    }

    @Override
    public void finish() {
        for (ExchangeOutput output : outputs) {
            output.finish();
        }
    }

    @Override
    public void close() {
        for (ExchangeOutput output : outputs) {
            output.close();
        }
    }
}
