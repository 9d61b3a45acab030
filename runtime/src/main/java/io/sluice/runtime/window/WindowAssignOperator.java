package io.sluice.runtime.window;

import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.vector.Batches;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * See {@link WindowAssignOperatorFactory}. The k-th window of a row ends k periods after the end
 * of its slice; one output batch is made per k, of the rows that have a k-th window.
 */
final class WindowAssignOperator implements Operator {
    private final SliceAssigner assigner;
    private final int timeColumn;
    private final List<Field> windowFields;
    private final TaskContext context;
    private final Output output;
    private final BufferAllocator allocator;
    private final int windowsPerRow;
    private long[] sliceEnds = new long[0];
    private int[] selection = new int[0];

    WindowAssignOperator(WindowAssignOperatorFactory spec, TaskContext context, Output output) {
        WindowSpec window = spec.window();
        this.assigner = new SliceAssigner(window);
        this.timeColumn = spec.timeColumn();
        List<Field> fields = spec.outputSchema().getFields();
        this.windowFields = fields.subList(fields.size() - 3, fields.size());
        this.context = context;
        this.output = output;
        this.allocator = context.allocator().newChildAllocator(context.taskName() + "/WindowAssign", 0, Long.MAX_VALUE);
        this.windowsPerRow = (int) (window.size() / window.slide());
    }

    @Override
    public void process(VectorSchemaRoot batch) {
        int count = batch.getRowCount();
        if (sliceEnds.length < count) {
            sliceEnds = new long[count];
            selection = new int[count];
        }
        TimeStampMilliVector times = (TimeStampMilliVector) batch.getVector(timeColumn);
        for (int row = 0; row < count; row++) {
            if (times.isNull(row)) {
                sliceEnds[row] = Long.MIN_VALUE;
                context.metrics().reportMalformed(context.taskName(), "the window's time column is NULL", "row " + row);
            } else {
                sliceEnds[row] = assigner.sliceEnd(times.get(row));
            }
        }
        for (int k = 0; k < windowsPerRow; k++) {
            long shift = k * assigner.period();
            int selected = 0;
            for (int row = 0; row < count; row++) {
                long sliceEnd = sliceEnds[row];
                if (sliceEnd != Long.MIN_VALUE && sliceEnd + shift <= assigner.lastWindowEnd(sliceEnd)) {
                    selection[selected++] = row;
                }
            }
            if (selected > 0) {
                emit(batch, selected, shift);
            }
        }
    }

    /**
     * Emits the selected rows with their k-th window. When every row of the batch is selected
     * (always, for TUMBLE), the batch's own vectors are passed on, lent as the batch was.
     */
    private void emit(VectorSchemaRoot batch, int selected, long shift) {
        boolean whole = selected == batch.getRowCount();
        VectorSchemaRoot rows = whole ? batch : Batches.take(batch, selection, selected, allocator);
        List<FieldVector> vectors = new ArrayList<>(rows.getFieldVectors());
        List<TimeStampMilliVector> bounds = new ArrayList<>();
        try {
            for (Field field : windowFields) {
                TimeStampMilliVector vector = (TimeStampMilliVector) field.createVector(allocator);
                bounds.add(vector);
                vector.allocateNew(selected);
                vectors.add(vector);
            }
            long startAddress = bounds.get(0).getDataBufferAddress();
            long endAddress = bounds.get(1).getDataBufferAddress();
            long timeAddress = bounds.get(2).getDataBufferAddress();
            for (int j = 0; j < selected; j++) {
                long end = sliceEnds[selection[j]] + shift;
                MemoryUtil.putLong(startAddress + ((long) j << 3), assigner.windowStart(end));
                MemoryUtil.putLong(endAddress + ((long) j << 3), end);
                MemoryUtil.putLong(timeAddress + ((long) j << 3), end - 1);
            }
            for (TimeStampMilliVector vector : bounds) {
                MemoryUtil.setMemory(vector.getValidityBufferAddress(), (selected + 7) >> 3, (byte) 0xFF);
                vector.setValueCount(selected);
            }
            VectorSchemaRoot out = new VectorSchemaRoot(vectors);
            out.setRowCount(selected);
            output.emit(out);
        } finally {
            bounds.forEach(TimeStampMilliVector::close);
            if (!whole) {
                rows.close();
            }
        }
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
            allocator.close();
        } finally {
            output.close();
        }
    }
}
