package io.sluice.engine.result;

import java.util.List;

/**
 * The rows of a statement's result, read one by one as they arrive. A continuous query's cursor
 * has no end of its own: {@link #next()} waits for the next row until the query is cancelled,
 * fails, or every source has ended.
 *
 * <p>Values are Java objects: {@code Boolean, Integer, Long, Float, Double, BigDecimal, String},
 * {@code LocalDateTime} for TIMESTAMP, {@code LocalDate} for DATE, {@code Duration} and
 * {@code Period} for intervals; null for SQL NULL.
 *
 * <p>One thread reads a cursor; {@link #cancel()} may be called from any thread. Close the
 * cursor when done: that stops the query and frees its memory.
 */
public interface ResultCursor extends AutoCloseable {
    List<ResultColumn> columns();

    /**
     * True if the rows are changes of an updating result: the first column ({@code op}) is the
     * row kind, {@code +I}, {@code -U}, {@code +U} or {@code -D}.
     */
    default boolean isChangelog() {
        return false;
    }

    /**
     * The next row, waiting as long as it takes; null once the result has ended.
     *
     * @throws io.sluice.runtime.error.SluiceException if the query failed or was cancelled
     */
    Object[] next() throws InterruptedException;

    /**
     * Up to {@code maxRows} rows, waiting at most {@code timeoutMillis} for the first one: an
     * empty list if none arrived in time, null once the result has ended.
     */
    List<Object[]> poll(int maxRows, long timeoutMillis) throws InterruptedException;

    /** Stops the query behind the cursor; a waiting {@link #next()} then fails with QUERY_CANCELLED. */
    void cancel();

    /** What the query did so far. */
    QuerySummary summary();

    @Override
    void close();
}
