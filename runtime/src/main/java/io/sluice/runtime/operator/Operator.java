package io.sluice.runtime.operator;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A push-based operator over Arrow batches; the unit a pipeline chains together.
 *
 * <p>Threading: every method is called by the one thread of the task that runs the pipeline.
 *
 * <p>Call order: any number of {@link #process} and {@link #processWatermark} calls, in stream
 * order; then {@link #finish()} once when the input has ended; then {@link #close()} exactly once,
 * also after a failure or a cancel, in which case {@code finish()} may not have been called.
 * Nothing is called after {@code close()}.
 *
 * <p>Ownership: a batch passed to {@code process} is borrowed. It is valid only during the call;
 * the caller may reuse or free its vectors afterwards, so an operator that needs rows later copies
 * them. What an operator emits to its {@link Output} is borrowed by the output in the same way.
 * Watermarks are forwarded downstream by the operator, after the rows they follow.
 */
public interface Operator extends AutoCloseable {
    void process(VectorSchemaRoot batch);

    /** Event time has advanced to {@code watermark} (see {@link Watermarks}). */
    void processWatermark(long watermark);

    /** The input has ended; emit what is buffered, then finish the output. */
    void finish();

    /** Releases every buffer and allocator the operator holds. */
    @Override
    void close();
}
