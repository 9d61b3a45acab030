package io.sluice.runtime.exchange;

import io.sluice.runtime.operator.Output;

/** An output into exchanges, which passes a checkpoint's barrier on to every consumer. */
public interface BarrierOutput extends Output {
    /**
     * Sends the barrier of checkpoint {@code checkpointId} to every consumer, after everything
     * emitted before it.
     */
    void emitBarrier(long checkpointId);
}
