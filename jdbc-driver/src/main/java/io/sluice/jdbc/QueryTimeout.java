package io.sluice.jdbc;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ScheduledFuture;

/**
 * A statement's {@code setQueryTimeout}: each execution starts a timer that, when it runs out,
 * cancels the statement (its query stops on the engine). A reader then learns that the query
 * timed out (SQLState 57014), rather than that it was cancelled. The next execution or closing the
 * statement stops the timer.
 */
final class QueryTimeout {
    private ScheduledFuture<?> timer;
    private volatile int expiredSeconds;

    /** Starts the timer of an execution of the statement, if it has a timeout. */
    synchronized void start(Statement statement) throws SQLException {
        stop();
        expiredSeconds = 0;
        int seconds = statement.getQueryTimeout();
        if (seconds > 0) {
            timer = DriverTimer.after(seconds * 1000L, () -> {
                expiredSeconds = seconds;
                try {
                    statement.cancel();
                } catch (SQLException e) {
                    // the engine is unreachable: the reader learns it from its next fetch
                }
            });
        }
    }

    synchronized void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** The error of an execution the timer stopped, or null if it did not. */
    SQLException expired() {
        int seconds = expiredSeconds;
        return seconds == 0 ? null : new SQLException("the query timed out: it ran longer than its timeout of "
                + seconds + " s (setQueryTimeout) and was stopped", SqlErrors.QUERY_CANCELLED);
    }

    /** A statement whose executions its query timeout bounds. */
    interface Bounded {
        QueryTimeout queryTimeout();
    }
}
