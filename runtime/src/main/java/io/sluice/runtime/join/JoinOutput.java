package io.sluice.runtime.join;

import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.operator.Output;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Collects a join's output rows while one input batch is matched, in order, and emits them in
 * batches: each output row is a row of the batch's input, a kept row of the other input, or both,
 * with its kind. The rows are copied out when a batch is emitted, so the sources must not change
 * until {@link #flush()}.
 */
final class JoinOutput {
    private final Schema leftSchema;
    private final Schema rightSchema;
    private final boolean leftOnly;
    private final boolean emitsRowKinds;
    private final BufferAllocator allocator;
    private final Output output;
    private final int[] inputRows;
    private final int[] otherRows;
    private final byte[] kinds;
    private int size;
    private int input;
    private VectorSchemaRoot inputSource;
    private VectorSchemaRoot otherSource;

    /**
     * @param leftOnly      whether output rows hold the left input's columns only (a semi or anti join)
     * @param emitsRowKinds whether output rows end with their kind
     */
    JoinOutput(Schema leftSchema, Schema rightSchema, boolean leftOnly, boolean emitsRowKinds,
               BufferAllocator allocator, Output output, int batchSize) {
        this.leftSchema = leftSchema;
        this.rightSchema = rightSchema;
        this.leftOnly = leftOnly;
        this.emitsRowKinds = emitsRowKinds;
        this.allocator = allocator;
        this.output = output;
        this.inputRows = new int[batchSize];
        this.otherRows = new int[batchSize];
        this.kinds = new byte[batchSize];
    }

    /** Starts the output of a batch of input {@code input}; {@code other} holds the other input's kept rows. */
    void begin(int input, VectorSchemaRoot inputSource, VectorSchemaRoot otherSource) {
        this.input = input;
        this.inputSource = inputSource;
        this.otherSource = otherSource;
    }

    /** Adds an output row: a row of the input batch and a kept row of the other input, either {@link JoinRows#NONE}. */
    void add(int inputRow, int otherRow, RowKind kind) {
        inputRows[size] = inputRow;
        otherRows[size] = otherRow;
        kinds[size] = kind.code();
        size++;
        if (size == inputRows.length) {
            flush();
        }
    }

    void flush() {
        if (size == 0) {
            return;
        }
        VectorSchemaRoot leftSource = input == 0 ? inputSource : otherSource;
        VectorSchemaRoot rightSource = input == 0 ? otherSource : inputSource;
        List<FieldVector> left = JoinedBatches.take(leftSource, leftSchema, input == 0 ? inputRows : otherRows,
                size, allocator);
        List<FieldVector> right = new ArrayList<>();
        if (!leftOnly) {
            right.addAll(JoinedBatches.take(rightSource, rightSchema, input == 0 ? otherRows : inputRows, size,
                    allocator));
        }
        if (emitsRowKinds) {
            TinyIntVector kindColumn = (TinyIntVector) RowKinds.FIELD.createVector(allocator);
            kindColumn.allocateNew(size);
            for (int j = 0; j < size; j++) {
                kindColumn.set(j, kinds[j]);
            }
            kindColumn.setValueCount(size);
            right.add(kindColumn);
        }
        try (VectorSchemaRoot batch = JoinedBatches.of(left, right, size)) {
            output.emit(batch);
        }
        size = 0;
    }
}
