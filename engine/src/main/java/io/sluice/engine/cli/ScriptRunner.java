package io.sluice.engine.cli;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.engine.result.ResultCursor;
import io.sluice.parser.StatementText;
import java.io.PrintWriter;
import java.util.List;

/**
 * Runs the statements of a script in order ({@code sluice -f} and {@code -e}). Rows go to
 * {@code out} in the chosen format; DDL and SET print nothing. After each query, also one that
 * fails, a summary line goes to {@code err}. The first error is printed to {@code err} and ends the script. A
 * continuous query runs until {@link #stop()}; so do the background jobs the script's INSERTs
 * started, which the runner waits for before it returns.
 */
final class ScriptRunner {
    /** How a script ended. */
    enum Outcome {
        /** Every statement ran. */
        COMPLETED,
        /** A statement failed; the statements after it did not run. */
        FAILED,
        /** {@link #stop()} was called. */
        STOPPED
    }

    private final Session session;
    private final ResultRenderer renderer;
    private final PrintWriter err;
    private volatile boolean stopped;

    ScriptRunner(Session session, OutputFormat format, PrintWriter out, PrintWriter err) {
        this.session = requireNonNull(session, "session is null");
        this.err = requireNonNull(err, "err is null");
        this.renderer = new ResultRenderer(format, out, 0);
    }

    Outcome run(String script) throws InterruptedException {
        try {
            List<StatementText> statements = Session.split(script);
            for (StatementText statement : statements) {
                if (stopped) {
                    return Outcome.STOPPED;
                }
                StatementResult result = session.execute(statement);
                if (result.hasRows()) {
                    print(result);
                }
            }
            // A script of INSERTs is a pipeline: it runs until its jobs end or are stopped.
            session.awaitJobs();
        } catch (RuntimeException e) {
            ErrorText.print(ErrorText.of(e), err);
            return Outcome.FAILED;
        }
        return stopped ? Outcome.STOPPED : Outcome.COMPLETED;
    }

    /**
     * Cancels the running query, if any, and skips the statements not yet run: what Ctrl-C and
     * SIGTERM do. May be called from any thread.
     */
    void stop() {
        stopped = true;
        renderer.stop();
        session.engine().stopJobs();
    }

    /** Prints the rows, then the query's summary, also when the query fails: what it read is reported before the error. */
    private void print(StatementResult result) throws InterruptedException {
        try (ResultCursor cursor = result.cursor()) {
            try {
                renderer.print(result.kind(), cursor);
            } finally {
                if (result.kind() == StatementResult.Kind.QUERY) {
                    err.println(renderer.summary(cursor));
                    err.flush();
                }
            }
        }
    }
}
