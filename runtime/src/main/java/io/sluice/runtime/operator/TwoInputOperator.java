package io.sluice.runtime.operator;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * An operator with two inputs, such as a join: the first operator of a pipeline that reads an
 * exchange fed by two pipelines. Batches arrive through {@link #process(int, VectorSchemaRoot)}
 * tagged with their input; watermarks are those of both inputs combined (their minimum). The
 * contract of {@link Operator} holds otherwise.
 */
public interface TwoInputOperator extends Operator {
    /** A batch of input {@code input} (0 or 1), borrowed for the call. */
    void process(int input, VectorSchemaRoot batch);

    /** Batches come with their input; see {@link #process(int, VectorSchemaRoot)}. */
    @Override
    default void process(VectorSchemaRoot batch) {
        throw new IllegalStateException("a two-input operator takes batches with their input");
    }
}
