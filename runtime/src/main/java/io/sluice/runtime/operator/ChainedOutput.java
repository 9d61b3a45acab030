package io.sluice.runtime.operator;

import static java.util.Objects.requireNonNull;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Hands an operator's output straight to the next operator, in the same thread. */
public final class ChainedOutput implements Output {
    private final Operator next;

    public ChainedOutput(Operator next) {
        this.next = requireNonNull(next, "next is null");
    }

    /** The operator this output feeds. */
    public Operator operator() {
        return next;
    }

    @Override
    public void emit(VectorSchemaRoot batch) {
        next.process(batch);
    }

    @Override
    public void emitWatermark(long watermark) {
        next.processWatermark(watermark);
    }

    @Override
    public void finish() {
        next.finish();
    }

    @Override
    public void close() {
        next.close();
    }
}
