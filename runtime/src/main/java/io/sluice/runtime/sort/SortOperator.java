package io.sluice.runtime.sort;

import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.Watermarks;
import io.sluice.runtime.state.OperatorSnapshot;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.vector.Batches;
import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs a {@link SortOperatorFactory}. Rows are appended to one batch in the operator's own
 * allocator, a child of the query's, so the query's memory limit covers them; at the end their
 * positions are sorted (a stable merge sort over an int array) and the wanted range is taken out
 * batch by batch. With a LIMIT only the first {@code offset + fetch} rows can be output, so once
 * twice as many are buffered they are sorted and the rest dropped. A changelog input is buffered
 * with its row kinds and sorted with every column after the sort keys, so that equal rows lie
 * together and each run of them leaves as many rows as it adds minus what it retracts; then
 * nothing is dropped early, since a retraction may bring back a row. Watermarks are not passed on:
 * every row comes after the input has ended, and then the end of the watermark.
 */
final class SortOperator implements Operator, Checkpointed {
    /** Fewer rows than this are not worth sorting early, however small the LIMIT. */
    private static final int MIN_ROWS_TO_TRIM = 4096;

    private final SortOperatorFactory spec;
    private final Output output;
    private final int batchSize;
    private final BufferAllocator allocator;
    private final RowComparator comparator;
    private final RowComparator equality;
    private final long keep;
    private VectorSchemaRoot rows;

    SortOperator(SortOperatorFactory spec, TaskContext context, Output output) {
        this.spec = spec;
        this.output = output;
        this.batchSize = context.batchSize();
        this.allocator = context.allocator().newChildAllocator(context.taskName() + "/Sort", 0, Long.MAX_VALUE);
        int width = spec.schema().getFields().size();
        List<SortField> order = new ArrayList<>(spec.order());
        if (spec.changelogInput()) {
            for (int column = 0; column < width; column++) {
                order.add(new SortField(column, false, true));
            }
        }
        this.comparator = new RowComparator(spec.schema(), order);
        this.equality = RowComparator.allColumns(spec.schema(), width);
        this.rows = VectorSchemaRoot.create(spec.changelogInput() ? RowKinds.withRowKind(spec.schema()) : spec.schema(),
                allocator);
        // Appending reads the target's offsets, so they must exist even when it is empty.
        rows.allocateNew();
        this.keep = spec.fetch() < 0 || order.isEmpty() || spec.changelogInput() ? Long.MAX_VALUE
                : spec.offset() + spec.fetch();
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
        comparator.sort(rows, order);
        return order;
    }

    /** The sorted positions of the rows a changelog leaves: per run of equal rows, its adds less its retractions. */
    private int[] applied(int[] sorted) {
        TinyIntVector kinds = RowKinds.of(rows);
        int[] result = new int[sorted.length];
        int count = 0;
        for (int start = 0, end; start < sorted.length; start = end) {
            int balance = 0;
            for (end = start; end < sorted.length && equality.compare(rows, sorted[start], rows, sorted[end]) == 0;
                 end++) {
                balance += RowKind.retracts(kinds.get(sorted[end])) ? -1 : 1;
            }
            for (int i = 0; i < balance; i++) {
                result[count++] = sorted[start];
            }
        }
        return Arrays.copyOf(result, count);
    }

    @Override
    public void processWatermark(long watermark) {
    }

    @Override
    public void finish() {
        int[] order = spec.changelogInput() ? applied(sorted()) : sorted();
        int count = order.length;
        long end = spec.fetch() < 0 ? count : Math.min(count, spec.offset() + spec.fetch());
        for (long from = spec.offset(); from < end; from += batchSize) {
            int[] chunk = Arrays.copyOfRange(order, (int) from, (int) Math.min(end, from + batchSize));
            try (VectorSchemaRoot batch = Batches.take(rows, chunk, chunk.length, allocator)) {
                // the row kinds, if any, stay behind: the sorted rows are the final ones
                List<FieldVector> columns = batch.getFieldVectors().subList(0, spec.schema().getFields().size());
                output.emit(new VectorSchemaRoot(spec.schema(), columns, chunk.length));
            }
        }
        // the input has ended: what comes after (an aggregation, a window) may fire
        output.emitWatermark(Watermarks.END);
        output.finish();
    }

    /** The rows buffered (with their kinds over a changelog). */
    @Override
    public void snapshotState(long checkpointId, StateWriter out) throws IOException {
        OperatorSnapshot.write(out, spec.name(), shape(), () -> out.writeRows(rows));
    }

    @Override
    public void restoreState(StateReader in) {
        OperatorSnapshot.read(in, spec.name(), shape(), () -> {
            try (VectorSchemaRoot restored = in.readRows(rows.getSchema(), allocator)) {
                Batches.append(restored, rows);
            }
        });
    }

    /** What the plan fixes about the state: the rows' columns, and which of them a LIMIT may drop early. */
    private String shape() {
        return rows.getSchema() + " ordered by " + spec.order() + " keeping " + keep;
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
