package io.sluice.runtime.join;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/** The rows of one window buffered for a join: copies of batches, per input. Closes them when done. */
final class WindowRows implements AutoCloseable {
    private final List<List<VectorSchemaRoot>> inputs = List.of(new ArrayList<>(), new ArrayList<>());

    void add(int input, VectorSchemaRoot batch) {
        inputs.get(input).add(batch);
    }

    List<VectorSchemaRoot> of(int input) {
        return inputs.get(input);
    }

    @Override
    public void close() {
        for (List<VectorSchemaRoot> batches : inputs) {
            batches.forEach(VectorSchemaRoot::close);
            batches.clear();
        }
    }
}
