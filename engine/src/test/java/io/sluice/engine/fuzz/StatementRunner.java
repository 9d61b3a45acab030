package io.sluice.engine.fuzz;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.Engine;
import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.engine.result.QuerySummary;
import io.sluice.engine.result.ResultCursor;
import io.sluice.runtime.error.SluiceException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs fuzzed statements against one engine, each within a time bound, and checks what every
 * statement must do whatever its text: succeed, or fail with a user error that has a SQLState
 * and is not an internal error; end within its bound (a query reads every row to its end);
 * leave the engine's root allocator empty once its rows are read and its jobs have ended.
 * A violation is an {@link AssertionError} that names the statement.
 */
final class StatementRunner implements AutoCloseable {
    private static final String HANG = "no end within ";
    /** Frames shown of each exception of a violation's cause chain. */
    private static final int TRACE_FRAMES = 6;

    private final Engine engine;
    private final Duration timeout;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fuzz-statement");
        thread.setDaemon(true);
        return thread;
    });
    private Session session;

    StatementRunner(Engine engine, Duration timeout) {
        this.engine = requireNonNull(engine, "engine is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.session = engine.newSession();
    }

    Engine engine() {
        return engine;
    }

    /** Starts a new session, so that settings made by earlier statements are gone. */
    void newSession() {
        session.close();
        session = engine.newSession();
    }

    /** What a statement did: the rows a query gave and its summary, or the user error it failed with. */
    record Outcome(long rows, QuerySummary summary, SluiceException failure) {
    }

    /** A statement that must succeed. */
    void runSetup(String sql) {
        Outcome outcome = run(sql);
        if (outcome.failure() != null) {
            throw new AssertionError("setup failed: " + sql, outcome.failure());
        }
    }

    /** Runs a statement through {@link Session#execute}, reading a query's rows to the end. */
    Outcome run(String sql) {
        Outcome outcome = bounded(sql, () -> {
            try {
                StatementResult result = session.execute(sql);
                if (!result.hasRows()) {
                    return new Outcome(0, QuerySummary.NONE, null);
                }
                try (ResultCursor cursor = result.cursor()) {
                    long rows = drain(cursor, sql);
                    return new Outcome(rows, cursor.summary(), null);
                }
            } catch (SluiceException e) {
                return new Outcome(0, QuerySummary.NONE, e);
            }
        });
        if (outcome.failure() != null && outcome.failure().code().isInternal()) {
            throw violation("an internal error", sql, outcome.failure());
        }
        if (outcome.failure() != null && outcome.failure().sqlState() == null) {
            throw violation("an error without a SQLState", sql, outcome.failure());
        }
        return outcome;
    }

    /** Runs a statement through JDBC, reading a result set to the end; a failure must be an SQLException with a SQLState. */
    void runJdbc(Connection connection, String sql) {
        SQLException failure = bounded(sql, () -> {
            try (Statement statement = connection.createStatement()) {
                if (statement.execute(sql)) {
                    try (ResultSet rows = statement.getResultSet()) {
                        while (rows.next()) {
                            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                                rows.getObject(i);
                            }
                        }
                    }
                }
                return null;
            } catch (SQLException e) {
                return e;
            }
        });
        if (failure != null && (failure.getSQLState() == null || failure.getSQLState().equals("XX000"))) {
            throw violation("JDBC: SQLState " + failure.getSQLState(), sql, failure);
        }
    }

    /**
     * Waits for the background jobs the statements started (their sources are bounded) and
     * checks that the engine's root allocator is then empty.
     */
    void checkNothingHeld(String sql) {
        try {
            if (!engine.awaitJobs(timeout)) {
                throw violation("a job that did not end within " + timeout.toSeconds() + " s", sql, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        long held = engine.allocator().getAllocatedMemory();
        if (held != 0) {
            throw violation(held + " bytes still allocated afterwards", sql, null);
        }
    }

    /** Checks that the engine still answers a trivial query. */
    void checkAlive(String after) {
        Outcome outcome;
        try {
            outcome = run("SELECT 1 + 1 AS two");
        } catch (AssertionError e) {
            throw new AssertionError("the engine no longer answers after: " + after, e);
        }
        if (outcome.failure() != null || outcome.rows() != 1) {
            throw violation("no answer to SELECT 1 + 1 afterwards", after, outcome.failure());
        }
    }

    private long drain(ResultCursor cursor, String sql) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long rows = 0;
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            List<Object[]> batch = cursor.poll(1024, Math.max(1, left));
            if (batch == null) {
                return rows;
            }
            rows += batch.size();
            if (batch.isEmpty() && System.nanoTime() - deadline > 0) {
                cursor.cancel();
                throw new TimeoutException("no end of the rows within " + timeout.toSeconds() + " s");
            }
        }
    }

    private <T> T bounded(String sql, Callable<T> call) {
        Future<T> future = worker.submit(call);
        try {
            return future.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw violation(HANG + timeout.toSeconds() + " s", sql, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            throw violation(e.getCause() instanceof TimeoutException ? "a hang" : "an exception that is not a user error",
                    sql, e.getCause());
        }
    }

    /** True if the violation is a statement that did not end: the runner's thread is then still busy with it. */
    static boolean isHang(AssertionError violation) {
        return violation.getMessage().startsWith(HANG);
    }

    private static AssertionError violation(String what, String sql, Throwable cause) {
        String shown = sql.length() > 2_000 ? sql.substring(0, 2_000) + "… (" + sql.length() + " characters)" : sql;
        StringBuilder message = new StringBuilder(what).append(" from:\n").append(shown);
        for (Throwable t = cause; t != null; t = t.getCause()) {
            message.append("\n  ").append(t == cause ? "" : "caused by ").append(t);
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(TRACE_FRAMES, frames.length); i++) {
                message.append("\n      at ").append(frames[i]);
            }
        }
        return new AssertionError(message.toString(), cause);
    }

    @Override
    public void close() {
        session.close();
        worker.shutdownNow();
    }
}
