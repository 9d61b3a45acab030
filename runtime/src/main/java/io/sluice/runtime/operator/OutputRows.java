package io.sluice.runtime.operator;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Builds result batches row by row and emits each when it is full. Used by operators whose output
 * is made of groups rather than of input rows.
 */
public final class OutputRows implements AutoCloseable {
    private final VectorSchemaRoot batch;
    private final Output output;
    private final int batchSize;
    private int rows;

    public OutputRows(Schema schema, BufferAllocator allocator, Output output, int batchSize) {
        this.batch = VectorSchemaRoot.create(schema, allocator);
        this.output = output;
        this.batchSize = batchSize;
    }

    public VectorSchemaRoot batch() {
        return batch;
    }

    /** The index of a new row to fill; emits the batch first if it is full. */
    public int nextRow() {
        if (rows == batchSize) {
            flush();
        }
        return rows++;
    }

    public void setTimestamp(int column, int row, long millis) {
        ((TimeStampMilliVector) batch.getVector(column)).setSafe(row, millis);
    }

    /** Emits the rows built so far, if any, and starts a new batch. */
    public void flush() {
        if (rows == 0) {
            return;
        }
        batch.setRowCount(rows);
        output.emit(batch);
        for (FieldVector vector : batch.getFieldVectors()) {
            vector.reset();
        }
        rows = 0;
    }

    @Override
    public void close() {
        batch.close();
    }
}
