package io.sluice.runtime.rank;

import io.sluice.runtime.vector.Batches;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Rows kept by a Top-N or an OVER aggregation, copied into one growing batch and named by their slot in it. A row
 * taken out leaves a dead slot; {@link #compact} copies the live rows into a fresh batch once
 * the dead outnumber them.
 */
public final class RowStore implements AutoCloseable {
    private static final int MIN_DEAD_TO_COMPACT = 1024;

    private final Schema schema;
    private final BufferAllocator allocator;
    private VectorSchemaRoot rows;
    private int live;

    public RowStore(Schema schema, BufferAllocator allocator) {
        this.schema = schema;
        this.allocator = allocator;
        this.rows = empty();
    }

    private VectorSchemaRoot empty() {
        VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator);
        batch.allocateNew();
        return batch;
    }

    public VectorSchemaRoot rows() {
        return rows;
    }

    /** Copies row {@code row} of {@code batch} (whose first columns are the store's) in; returns its slot. */
    public int add(VectorSchemaRoot batch, int row) {
        int slot = rows.getRowCount();
        for (int c = 0; c < rows.getFieldVectors().size(); c++) {
            rows.getVector(c).copyFromSafe(row, slot, batch.getVector(c));
        }
        rows.setRowCount(slot + 1);
        live++;
        return slot;
    }

    /** Marks a slot dead; its row is gone at the next compaction. */
    public void remove(int slot) {
        live--;
    }

    public boolean wantsCompaction() {
        int dead = rows.getRowCount() - live;
        return dead >= MIN_DEAD_TO_COMPACT && dead > live;
    }

    /**
     * Keeps only the rows of {@code slots[0..count)}, in that order: afterwards the row that was
     * in slot {@code slots[i]} is in slot {@code i}.
     */
    public void compact(int[] slots, int count) {
        VectorSchemaRoot kept = Batches.take(rows, slots, count, allocator);
        rows.close();
        rows = kept;
        live = count;
    }

    /** Takes a batch restored from a snapshot as the store's rows, all of them live. */
    public void restore(VectorSchemaRoot restored) {
        rows.close();
        rows = restored;
        live = restored.getRowCount();
    }

    public long bytes() {
        long bytes = 0;
        for (FieldVector vector : rows.getFieldVectors()) {
            bytes += vector.getBufferSize();
        }
        return bytes;
    }

    @Override
    public void close() {
        rows.close();
    }
}
