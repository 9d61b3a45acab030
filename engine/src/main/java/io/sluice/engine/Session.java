package io.sluice.engine;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.job.BackgroundJob;
import io.sluice.engine.job.JobRecovery;
import io.sluice.engine.job.JobStore;
import io.sluice.engine.query.RunningQuery;
import io.sluice.engine.result.ResultColumn;
import io.sluice.engine.statement.Executors;
import io.sluice.engine.statement.QueryColumns;
import io.sluice.parser.SqlParseError;
import io.sluice.parser.StatementParser;
import io.sluice.parser.StatementSplitter;
import io.sluice.parser.StatementText;
import io.sluice.parser.StatementTooDeepError;
import io.sluice.parser.ast.CreateTable;
import io.sluice.parser.ast.CreateView;
import io.sluice.parser.ast.DropObject;
import io.sluice.parser.ast.Query;
import io.sluice.parser.ast.Statement;
import io.sluice.planner.RowLimit;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.job.JobSpec;
import io.sluice.runtime.job.PipelineOutput;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

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
    private final AtomicBoolean closed = new AtomicBoolean();
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
     * Runs one statement; a plain query returns at most {@code maxRows} rows (0: all), planned as
     * if it ended in {@code LIMIT maxRows} (see {@link RowLimit}). JDBC's {@code setMaxRows}.
     */
    public StatementResult execute(String sql, long maxRows) {
        return execute(new StatementText(sql, 1, 1), maxRows);
    }

    /**
     * Runs one statement of a script; positions in errors are relative to the script.
     *
     * @throws SluiceException with a SQLState, and for errors in the SQL a line and column
     */
    public StatementResult execute(StatementText statement) {
        return execute(statement, 0);
    }

    private StatementResult execute(StatementText statement, long maxRows) {
        EngineLimits limits = engine.config().limits();
        if (statement.text().length() > limits.maxStatementLength()) {
            throw new SluiceException(ErrorCode.LIMIT_EXCEEDED, "the statement is " + statement.text().length()
                    + " characters long, over the engine's limit of " + limits.maxStatementLength(),
                    statement.line(), statement.column(), null);
        }
        return StatementThread.run(() -> executeHere(statement, maxRows), limits.statementStackSize(), id);
    }

    private StatementResult executeHere(StatementText statement, long maxRows) {
        return guarded(statement, () -> {
            Statement parsed = parse(statement);
            if (parsed instanceof Query query && maxRows > 0) {
                parsed = new Query(RowLimit.apply(query.query(), maxRows), query.text(), query.position());
            }
            StatementResult result = EXECUTORS.execute(parsed, this);
            if (changesCatalog(parsed)) {
                engine.jobStore().ifPresent(store -> store.catalogChanged(statement.text()));
            }
            return result;
        });
    }

    /**
     * The columns a statement's result would have, found without running it: a query's are planned
     * (not started); other statements' are empty.
     *
     * @throws SluiceException as {@link #execute(String)} would for the statement
     */
    public List<ResultColumn> resultColumns(String sql) {
        StatementText statement = new StatementText(sql, 1, 1);
        // planned as if it took one row, so that a query over a stream without rows to read now has columns too
        return StatementThread.run(() -> guarded(statement, () -> parse(statement) instanceof Query query
                ? QueryColumns.describe(new Query(RowLimit.apply(query.query(), 1), query.text(), query.position()), this)
                : List.<ResultColumn>of()),
                engine.config().limits().statementStackSize(), id);
    }

    /** Runs work on a statement: its failures become user errors at the statement's position, or internal ones. */
    private static <T> T guarded(StatementText statement, Supplier<T> work) {
        try {
            return work.get();
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

    private Statement parse(StatementText statement) {
        try {
            return parser.parse(statement);
        } catch (SqlParseError e) {
            if (isStackOverflow(e)) {
                throw e;
            }
            throw new SluiceException(ErrorCode.SYNTAX_ERROR, e.detail(), e.line(), e.column(), e);
        } catch (StatementTooDeepError e) {
            throw new SluiceException(ErrorCode.LIMIT_EXCEEDED, e.getMessage(), e.position().line(),
                    e.position().column(), null);
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
        if (closed.compareAndSet(false, true)) {
            engine.metrics().sessionClosed();
        }
        engine.queries().releaseSession(id);
    }
}
