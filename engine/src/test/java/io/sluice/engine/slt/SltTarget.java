package io.sluice.engine.slt;

import io.sluice.engine.Engine;
import io.sluice.engine.result.QuerySummary;
import java.util.List;
import java.util.Optional;

/**
 * Where a SQL logic test file's statements run: an engine's session ({@link SessionTarget}), or a
 * JDBC connection to the engine ({@link JdbcSltTarget}), so that the same files check that JDBC
 * clients get the same rows.
 */
interface SltTarget extends AutoCloseable {
    /** The engine the statements run on; {@code input} and {@code watermark} records feed its values streams. */
    Engine engine();

    /**
     * Runs a statement and reads all its rows, formatted as the files write them; no rows for a
     * statement without a result.
     *
     * @throws Failure if the statement fails, with its SQLState and message
     */
    List<String> run(String sql) throws Failure, InterruptedException;

    /** The counters of the last query, if this target can see them (JDBC cannot). */
    Optional<QuerySummary> lastSummary();

    /** Closes the target; fails if a query is left running or memory is left allocated. */
    @Override
    void close();

    /** A statement failed: {@code SQLSTATE message}, as a {@code statement error} record matches it. */
    final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String sqlState, String message, Throwable cause) {
            super(sqlState + " " + message, cause);
        }
    }
}
