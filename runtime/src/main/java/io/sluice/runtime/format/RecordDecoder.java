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

    /**
     * False if the input holds no record at all, such as a blank line or, when the format allows
     * them, a comment line: the caller skips it without decoding or counting it. Asked before
     * {@link #decode}; by default only empty input holds no record.
     */
    default boolean isRecord(byte[] bytes, int offset, int length) {
        return length > 0;
    }

    /**
     * The most rows one record decodes into: 1 for a format of rows; 2 for a changelog format,
     * whose update record holds the old row and the new. A caller leaves room for this many rows.
     */
    default int maxRowsPerRecord() {
        return 1;
    }

    /**
     * How many rows the last successful {@link #decode} wrote, from its {@code row} on: always 1
     * for a format of rows; from 0 to {@link #maxRowsPerRecord()} for a changelog format.
     */
    default int rowsDecoded() {
        return 1;
    }
}
