package io.sluice.engine.cli;

/**
 * Writes the rows of one result in an output format, as they arrive. Calls come in the order
 * {@link #begin()}, {@link #row(Object[])} for each row, {@link #end()}; {@code end()} is called
 * also when the query failed or was cancelled, after the rows it gave. {@link #flush()} makes
 * what was written so far visible (after each batch of a live result).
 */
interface RowPrinter {
    /** Writes what comes before the rows, such as a header. */
    void begin();

    /** Writes one row; values are those a {@link io.sluice.engine.result.ResultCursor} gives. */
    void row(Object[] row);

    /** Writes what comes after the rows. */
    void end();

    void flush();
}
