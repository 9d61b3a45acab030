package io.sluice.runtime.format;

/**
 * Decodes records (a line of CSV, one JSON object) straight into the vectors it was made for.
 * Used by one thread.
 */
public interface RecordDecoder {
    /**
     * Decodes the record in {@code bytes[offset, offset + length)} into row {@code row} of every
     * column, setting nulls explicitly. Returns null on success, or what is wrong with the record
     * (e.g. {@code column 'price': 'abc' is not a BIGINT}); the row's content is then unspecified
     * and the caller reuses the row for the next record.
     */
    String decode(byte[] bytes, int offset, int length, int row);
}
