package io.sluice.runtime.format;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Encodes rows into records (a line of CSV, one JSON object), the inverse of a
 * {@link RecordDecoder}. Used by one thread; it reads the vectors directly and allocates nothing
 * per row for most types.
 */
public interface RecordEncoder {
    /**
     * Appends row {@code row} of {@code batch} to {@code out}, without a line end. The batch's
     * columns are the ones the format was made for, in order, and for a changelog format
     * ({@link EncoderFactory#changelogMode()}) possibly the row-kind column after them. Batches may
     * differ from call to call.
     */
    void encode(VectorSchemaRoot batch, int row, RecordBuffer out);
}
