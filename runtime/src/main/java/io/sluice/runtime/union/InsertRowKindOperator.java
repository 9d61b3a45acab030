package io.sluice.runtime.union;

import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import io.sluice.runtime.vector.Vectors;

/**
 * Passes each batch on with the input's own vectors and one more: a row-kind column of
 * {@code +I}, kept and refilled from batch to batch.
 */
final class InsertRowKindOperator implements Operator {
    private final Output output;
    private final BufferAllocator allocator;
    private final TinyIntVector kinds;

    InsertRowKindOperator(TaskContext context, Output output) {
        this.output = output;
        this.allocator = context.allocator().newChildAllocator(context.taskName() + "/InsertRowKind", 0, Long.MAX_VALUE);
        this.kinds = (TinyIntVector) RowKinds.FIELD.createVector(allocator);
    }

    @Override
    public void process(VectorSchemaRoot batch) {
        int count = batch.getRowCount();
        Vectors.ensureCapacity(kinds, count);
        MemoryUtil.setMemory(kinds.getDataBufferAddress(), count, RowKind.INSERT.code());
        Vectors.setAllValid(kinds.getValidityBufferAddress(), count);
        kinds.setValueCount(count);
        List<FieldVector> vectors = new ArrayList<>(batch.getFieldVectors());
        vectors.add(kinds);
        // a view over borrowed vectors: not closed here, its vectors belong to the batch and to this operator
        output.emit(new VectorSchemaRoot(vectors));
    }

    @Override
    public void processWatermark(long watermark) {
        output.emitWatermark(watermark);
    }

    @Override
    public void finish() {
        output.finish();
    }

    @Override
    public void close() {
        try {
            kinds.close();
            allocator.close();
        } finally {
            output.close();
        }
    }
}
