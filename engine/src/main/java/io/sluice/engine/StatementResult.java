package io.sluice.engine;

import io.sluice.engine.result.ResultCursor;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;

/**
 * What running a statement gave: rows to read (queries, SHOW, DESCRIBE, EXPLAIN), or a message
 * (DDL and SET, which print nothing in scripts). A statement with rows must have its cursor
 * closed.
 *
 * @param rows    the rows, or null for a statement without a result set
 * @param message what happened, for statements without rows (e.g. {@code Stream 'bids' created})
 * @param kind    which kind of statement ran
 */
public record StatementResult(Kind kind, ResultCursor rows, String message) {
    public enum Kind {
        /** A query over streams or tables: its rows come from a running job. */
        QUERY,
        /** Rows the engine knew already: SHOW, DESCRIBE, EXPLAIN. */
        INFO,
        /** DDL, SET, RESET and other statements with no rows. */
        DONE
    }

    public static StatementResult done(String message) {
        return new StatementResult(Kind.DONE, null, message);
    }

    public boolean hasRows() {
        return rows != null;
    }

    /** The rows; fails for a statement that has none. */
    public ResultCursor cursor() {
        if (rows == null) {
            throw new SluiceException(ErrorCode.VALIDATION_ERROR, "the statement returned no rows: " + message);
        }
        return rows;
    }
}
