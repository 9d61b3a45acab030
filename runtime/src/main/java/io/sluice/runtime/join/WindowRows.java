package io.sluice.runtime.join;

import io.sluice.runtime.vector.Batches;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The rows of one window buffered for a join: per input, one batch that grows as rows come, so
 * that the join reads each input as one run of rows. Closes its batches when done.
 */
final class WindowRows implements AutoCloseable {
    private final VectorSchemaRoot[] inputs = new VectorSchemaRoot[2];

    /** Appends rows of an input, copying them. */
    void add(int input, VectorSchemaRoot rows, Schema schema, BufferAllocator allocator) {
        if (inputs[input] == null) {
            inputs[input] = VectorSchemaRoot.create(schema, allocator);
            // Appending reads the target's offsets, so they must exist even when it is empty.
            inputs[input].allocateNew();
        }
        Batches.append(rows, inputs[input]);
    }

    /** The rows of an input, or null if none came. */
    VectorSchemaRoot of(int input) {
        return inputs[input];
    }

    @Override
    public void close() {
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] != null) {
                inputs[i].close();
                inputs[i] = null;
            }
        }
    }
}
