package io.sluice.runtime.operator;

import io.sluice.runtime.vector.Vectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Builds result batches row by row, or a run of rows at a time, and emits each when it is full.
 * Used by operators whose output is made of groups rather than of input rows.
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

    /**
     * Makes room for up to {@code wanted} rows in the batch, emitting it first if it is full, and
     * returns how many rows there is room for, from {@link #size()} on; {@link #advance} then
     * counts the rows written.
     */
    public int reserve(int wanted) {
        if (rows == batchSize) {
            flush();
        }
        return Math.min(wanted, batchSize - rows);
    }

    /** The rows of the batch so far: the index of the next row to fill. */
    public int size() {
        return rows;
    }

    /** Counts {@code count} rows written from {@link #size()} on, after {@link #reserve}. */
    public void advance(int count) {
        rows += count;
    }

    public void setTimestamp(int column, int row, long millis) {
        ((TimeStampMilliVector) batch.getVector(column)).setSafe(row, millis);
    }

    /** Sets rows {@code [firstRow, firstRow + count)} of a timestamp column to one value. */
    public void fillTimestamp(int column, int firstRow, int count, long millis) {
        TimeStampMilliVector vector = (TimeStampMilliVector) batch.getVector(column);
        Vectors.growTo(vector, firstRow + count);
        long data = vector.getDataBufferAddress();
        long validity = vector.getValidityBufferAddress();
        for (int row = firstRow; row < firstRow + count; row++) {
            Vectors.setValid(validity, row);
            MemoryUtil.putLong(data + ((long) row << 3), millis);
        }
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
