package io.sluice.runtime.sort;

import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.vector.Batches;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs a {@link SortOperatorFactory}. Rows are appended to one batch in the operator's own
 * allocator, a child of the query's, so the query's memory limit covers them; at the end their
 * positions are sorted (a stable merge sort over an int array) and the wanted range is taken out
 * batch by batch. With a LIMIT only the first {@code offset + fetch} rows can be output, so once
 * twice as many are buffered they are sorted and the rest dropped. Watermarks are not passed on:
 * every row comes after the input has ended.
 */
final class SortOperator implements Operator {
    /** Fewer rows than this are not worth sorting early, however small the LIMIT. */
    private static final int MIN_ROWS_TO_TRIM = 4096;

    private final SortOperatorFactory spec;
    private final Output output;
    private final int batchSize;
    private final BufferAllocator allocator;
    private final RowComparator comparator;
    private final long keep;
    private VectorSchemaRoot rows;

    SortOperator(SortOperatorFactory spec, TaskContext context, Output output) {
        this.spec = spec;
        this.output = output;
        this.batchSize = context.batchSize();
        this.allocator = context.allocator().newChildAllocator(context.taskName() + "/Sort", 0, Long.MAX_VALUE);
        this.comparator = new RowComparator(spec.schema(), spec.order());
        this.rows = VectorSchemaRoot.create(spec.schema(), allocator);
        // Appending reads the target's offsets, so they must exist even when it is empty.
        rows.allocateNew();
        this.keep = spec.fetch() < 0 || spec.order().isEmpty() ? Long.MAX_VALUE : spec.offset() + spec.fetch();
    }

    @Override
    public void process(VectorSchemaRoot batch) {
        Batches.append(batch, rows);
        if (keep <= Integer.MAX_VALUE / 2 && rows.getRowCount() >= Math.max(MIN_ROWS_TO_TRIM, 2 * keep)) {
            int[] order = sorted();
            VectorSchemaRoot kept = Batches.take(rows, order, (int) keep, allocator);
            rows.close();
            rows = kept;
        }
    }

    /** The positions of the rows buffered, in the sort order. */
    private int[] sorted() {
        int count = rows.getRowCount();
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        if (!spec.order().isEmpty()) {
            mergeSort(order, new int[count], 0, count);
        }
        return order;
    }

    @Override
    public void processWatermark(long watermark) {
    }

    @Override
    public void finish() {
        int count = rows.getRowCount();
        int[] order = sorted();
        long end = spec.fetch() < 0 ? count : Math.min(count, spec.offset() + spec.fetch());
        for (long from = spec.offset(); from < end; from += batchSize) {
            int[] chunk = Arrays.copyOfRange(order, (int) from, (int) Math.min(end, from + batchSize));
            try (VectorSchemaRoot batch = Batches.take(rows, chunk, chunk.length, allocator)) {
                output.emit(batch);
            }
        }
        output.finish();
    }

    /** Sorts {@code order[from, to)} by the rows its entries name, keeping equal rows in arrival order. */
    private void mergeSort(int[] order, int[] scratch, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(order, scratch, from, middle);
        mergeSort(order, scratch, middle, to);
        if (comparator.compare(rows, order[middle - 1], rows, order[middle]) <= 0) {
            return;
        }
        System.arraycopy(order, from, scratch, from, to - from);
        int left = from;
        int right = middle;
        for (int i = from; i < to; i++) {
            if (right >= to || (left < middle && comparator.compare(rows, scratch[left], rows, scratch[right]) <= 0)) {
                order[i] = scratch[left++];
            } else {
                order[i] = scratch[right++];
            }
        }
    }

    @Override
    public void close() {
        try {
            rows.close();
            allocator.close();
        } finally {
            output.close();
        }
    }
}
