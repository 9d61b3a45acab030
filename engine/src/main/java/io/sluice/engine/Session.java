package io.sluice.engine;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.job.BackgroundJob;
import io.sluice.engine.job.JobRecovery;
import io.sluice.engine.job.JobStore;
import io.sluice.engine.query.RunningQuery;
import io.sluice.engine.result.ResultColumn;
import io.sluice.engine.statement.Executors;
import io.sluice.parser.SqlParseError;
import io.sluice.parser.StatementParser;
import io.sluice.parser.StatementSplitter;
import io.sluice.parser.StatementText;
import io.sluice.parser.StatementTooDeepError;
import io.sluice.parser.ast.CreateTable;
import io.sluice.parser.ast.CreateView;
import io.sluice.parser.ast.DropObject;
import io.sluice.parser.ast.Statement;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.job.JobSpec;
import io.sluice.runtime.job.PipelineOutput;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A user's conversation with an engine: its {@code SET} options and the queries it started.
 * Every front end (the shell, JDBC, the Java API) runs statements through
 * {@link #execute(String)}. A session is used by one thread at a time; closing it stops its
 * queries.
 */
public final class Session implements AutoCloseable {
    private static final Executors EXECUTORS = new Executors();

    private final Engine engine;
    private final String id;
    private final SessionUser user;
    private final SessionSettings settings;
    private final StatementParser parser = new StatementParser();
    /** The kept job the statement being run resumes, or null; set by {@link #resumeJob}. */
    private volatile ResumedJob resuming;

    Session(Engine engine, String id, SessionUser user) {
        this.engine = requireNonNull(engine, "engine is null");
        this.id = requireNonNull(id, "id is null");
        this.user = requireNonNull(user, "user is null");
        this.settings = new SessionSettings(engine.config());
    }

    public Engine engine() {
        return engine;
    }

    public String id() {
        return id;
    }

    /** Who runs the session's statements: what they may see and stop of other sessions depends on it. */
    public SessionUser user() {
        return user;
    }

    public SessionSettings settings() {
        return settings;
    }

    /** Runs one statement (a trailing {@code ;} is allowed); positions in errors are relative to it. */
    public StatementResult execute(String sql) {
        return execute(new StatementText(sql, 1, 1));
    }

    /**
     * Runs one statement of a script; positions in errors are relative to the script.
     *
     * @throws SluiceException with a SQLState, and for errors in the SQL a line and column
     */
    public StatementResult execute(StatementText statement) {
        EngineLimits limits = engine.config().limits();
        if (statement.text().length() > limits.maxStatementLength()) {
            throw new SluiceException(ErrorCode.LIMIT_EXCEEDED, "the statement is " + statement.text().length()
                    + " characters long, over the engine's limit of " + limits.maxStatementLength(),
                    statement.line(), statement.column(), null);
        }
        return StatementThread.run(() -> executeHere(statement), limits.statementStackSize(), id);
    }

    private StatementResult executeHere(StatementText statement) {
        try {
            Statement parsed;
            try {
                parsed = parser.parse(statement);
            } catch (SqlParseError e) {
                if (isStackOverflow(e)) {
                    throw e;
                }
                throw new SluiceException(ErrorCode.SYNTAX_ERROR, e.detail(), e.line(), e.column(), e);
            } catch (StatementTooDeepError e) {
                throw new SluiceException(ErrorCode.LIMIT_EXCEEDED, e.getMessage(), e.position().line(),
                        e.position().column(), null);
            }
            StatementResult result = EXECUTORS.execute(parsed, this);
            if (changesCatalog(parsed)) {
                engine.jobStore().ifPresent(store -> store.catalogChanged(statement.text()));
            }
            return result;
        } catch (SluiceException e) {
            throw e.hasPosition() ? e : e.at(statement.line(), statement.column());
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            if (isStackOverflow(e)) {
                // Calcite wraps what it meets while converting: the overflow may be any cause down
                throw new SluiceException(ErrorCode.LIMIT_EXCEEDED, "the statement nests too deeply to be planned; "
                        + "split it into smaller ones", statement.line(), statement.column(), null);
            }
            // Calcite checks some of its invariants with assertions: a broken one is a bug, reported as one.
            throw SluiceException.internal(e.toString(), e).at(statement.line(), statement.column());
        }
    }

    /** A statement a server keeps to recreate its catalog after a restart. */
    private static boolean changesCatalog(Statement statement) {
        return statement instanceof CreateTable || statement instanceof CreateView || statement instanceof DropObject;
    }

    private static boolean isStackOverflow(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StackOverflowError) {
                return true;
            }
        }
        return false;
    }

    /** Splits a script into statements, each to be run with {@link #execute(StatementText)}. */
    public static List<StatementText> split(String script) {
        try {
            return StatementSplitter.split(script);
        } catch (SqlParseError e) {
            throw new SluiceException(ErrorCode.SYNTAX_ERROR, e.detail(), e.line(), e.column(), e);
        }
    }

    /** Starts a query of this session whose job {@code jobSpec} makes from the query's id and sink. */
    public RunningQuery startQuery(String statement, List<ResultColumn> columns,
                                   BiFunction<String, PipelineOutput.ToSink, JobSpec> jobSpec) {
        return engine.queries().start(id, user.name(), statement, columns, jobSpec, engine.allocator(),
                settings.queryMemoryLimit(), engine.config().clock(), settings.batchSize());
    }

    /**
     * Starts a background job of this session whose spec {@code jobSpec} makes from the job's id,
     * without checkpoints (a materialized view's, which a server recreates with its catalog).
     */
    public BackgroundJob startJob(String statement, Function<String, JobSpec> jobSpec) {
        return engine.jobs().start(id, user.name(), statement, jobSpec, engine.allocator(), settings.queryMemoryLimit(),
                engine.config().clock(), settings.batchSize(), JobRecovery.NONE);
    }

    /**
     * Starts a background job (an INSERT INTO or statement set) that takes checkpoints and restarts
     * as {@code recovery} says. A server with a data directory keeps it there, to resume it after
     * a restart.
     */
    public BackgroundJob startJob(String statement, Function<String, JobSpec> jobSpec, JobRecovery recovery) {
        return startJob(statement, jobSpec, recovery, null);
    }

    /**
     * Starts the job of a materialized view ({@code view} its name), as {@link #startJob(String,
     * Function, JobRecovery)} does: a server keeps it, to resume it when the view is created again.
     */
    public BackgroundJob startJob(String statement, Function<String, JobSpec> jobSpec, JobRecovery recovery,
            String view) {
        Optional<JobStore> store = engine.jobStore();
        JobRecovery kept = store.isPresent() ? recovery.retainingCheckpoints() : recovery;
        ResumedJob again = resuming;
        BackgroundJob job = again == null
                ? engine.jobs().start(id, user.name(), statement, jobSpec, engine.allocator(), settings.queryMemoryLimit(),
                        engine.config().clock(), settings.batchSize(), kept)
                : engine.jobs().restart(again.id(), again.checkpointStorage(), id, user.name(), statement, jobSpec,
                        engine.allocator(), settings.queryMemoryLimit(), engine.config().clock(), settings.batchSize(),
                        again.checkpoint().isPresent() ? kept.resumingFrom(again.checkpoint()) : kept);
        store.ifPresent(s -> s.save(job, settings.values(), view));
        return job;
    }

    /**
     * Runs a kept job's statement again as that job: under its id, with its checkpoint directory,
     * from its newest complete checkpoint or from the start if it has none (the server resuming
     * its jobs after a restart). {@code statement} is the job's own, or for a materialized view's
     * job the kept statement creating the view.
     */
    public BackgroundJob resumeJob(JobStore.JobRecord record, String statement, Optional<Path> checkpoint) {
        resuming = new ResumedJob(record.id(), record.checkpointStorage(), checkpoint);
        try {
            execute(statement);
        } finally {
            resuming = null;
        }
        return engine.jobs().find(record.id()).orElseThrow(() -> new SluiceException(ErrorCode.VALIDATION_ERROR,
                "the statement of job " + record.id() + " starts no job: " + record.statement()));
    }

    private record ResumedJob(String id, String checkpointStorage, Optional<Path> checkpoint) {
    }

    /** The background jobs this session started that are still running. */
    public List<BackgroundJob> runningJobs() {
        return engine.jobs().running(id);
    }

    /**
     * Waits until every job this session started has ended, as script mode does before it exits
     * (for jobs over bounded sources; others run until stopped, e.g. by {@link Engine#stopJobs()}
     * on Ctrl-C).
     */
    public void awaitJobs() throws InterruptedException {
        for (BackgroundJob job : runningJobs()) {
            try {
                job.ended().get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw SluiceException.internal("job " + job.id() + " ended abnormally", e.getCause());
            }
        }
    }

    public String set(String key, String value) {
        return settings.set(key, value);
    }

    public void reset(Optional<String> key) {
        key.ifPresentOrElse(settings::reset, settings::resetAll);
    }

    public Map<String, String> options() {
        return settings.values();
    }

    /** Stops the session's interactive queries and frees their memory; its background jobs go on. */
    @Override
    public void close() {
        engine.queries().releaseSession(id);
    }
}
