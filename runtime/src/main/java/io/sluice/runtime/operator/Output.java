package io.sluice.runtime.operator;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Where an operator sends its results: the next operator in the chain, an exchange to another
 * task, or a sink. Called by the task's thread only. A batch passed to {@link #emit} is borrowed
 * for the duration of the call (see {@link Operator}).
 */
public interface Output extends AutoCloseable {
    void emit(VectorSchemaRoot batch);

    void emitWatermark(long watermark);

    /** No more rows or watermarks will follow. */
    void finish();

    /** Releases what the output holds; called once, after {@link #finish()} or on failure. */
    @Override
    default void close() {
    }
}
