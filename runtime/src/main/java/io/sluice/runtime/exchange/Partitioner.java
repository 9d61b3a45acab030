package io.sluice.runtime.exchange;

import org.apache.arrow.vector.VectorSchemaRoot;

/** Chooses a consumer for each row by its key, so that equal keys meet in one task. */
public interface Partitioner {
    /** Writes, for each row of the batch, the consumer it goes to, in {@code [0, consumers)}. */
    void partition(VectorSchemaRoot batch, int consumers, int[] targets);
}
