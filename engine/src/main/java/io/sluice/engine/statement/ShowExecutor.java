package io.sluice.engine.statement;

import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.engine.job.BackgroundJob;
import io.sluice.engine.metrics.EventTimeLag;
import io.sluice.engine.metrics.Throughput;
import io.sluice.engine.query.QueryState;
import io.sluice.engine.query.RunningQuery;
import io.sluice.engine.result.ListCursor;
import io.sluice.engine.result.ResultColumn;
import io.sluice.parser.ast.Show;
import io.sluice.planner.calcite.FunctionCatalog;
import io.sluice.planner.catalog.CatalogEntry;
import io.sluice.planner.catalog.TableKind;
import io.sluice.runtime.checkpoint.CheckpointStats;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.function.DateTimeFunctions;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Watermarks;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code SHOW STREAMS | TABLES | VIEWS | MATERIALIZED VIEWS | QUERIES | JOBS | FUNCTIONS}. */
final class ShowExecutor implements StatementExecutor<Show> {
    /** What an interactive query shows in the checkpoint columns: it takes none. */
    private static final Object[] NO_CHECKPOINTS = {null, null, null, null, null, null, null};

    @Override
    public StatementResult execute(Show statement, Session session) {
        return switch (statement.kind()) {
            case STREAMS -> names(session, TableKind.STREAM);
            case VIEWS -> names(session, TableKind.VIEW);
            case MATERIALIZED_VIEWS -> names(session, TableKind.MATERIALIZED_VIEW);
            case TABLES -> tables(session);
            case QUERIES -> queries(session);
            case FUNCTIONS -> functions();
        };
    }

    private static StatementResult names(Session session, TableKind kind) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogEntry entry : session.engine().catalog().entries()) {
            if (entry.kind() == kind) {
                rows.add(new Object[] {entry.name()});
            }
        }
        return info(List.of(ResultColumn.varchar("name")), rows);
    }

    /** Every stream, table and view, with its kind, as Flink's SHOW TABLES lists them all. */
    private static StatementResult tables(Session session) {
        List<Object[]> rows = new ArrayList<>();
        for (CatalogEntry entry : session.engine().catalog().entries()) {
            rows.add(new Object[] {entry.name(), entry.kind().sqlName()});
        }
        return info(List.of(ResultColumn.varchar("name"), ResultColumn.varchar("kind")), rows);
    }

    /**
     * The interactive queries (until their cursors close) and background jobs (until the engine
     * closes) the session's user may control (see {@link io.sluice.engine.SessionUser}), oldest first.
     */
    private static StatementResult queries(Session session) {
        List<Object[]> rows = new ArrayList<>();
        for (RunningQuery query : session.engine().queries().list()) {
            if (!session.user().mayControl(query.owner())) {
                continue;
            }
            rows.add(row(query.id(), "QUERY", query.statement(), query.state(), query.startMillis(), query.metrics(),
                    query.rowsPerSecond(), NO_CHECKPOINTS, query.job().failure(), query.job().memoryUsed(), session));
        }
        for (BackgroundJob job : session.engine().jobs().list()) {
            if (!session.user().mayControl(job.owner())) {
                continue;
            }
            rows.add(row(job.id(), "JOB", job.statement(), job.state(), job.startMillis(), job.metrics(),
                    job.rowsPerSecond(), checkpoints(job), job.failure(), job.memoryUsed(), session));
        }
        rows.sort(Comparator.comparing((Object[] row) -> (LocalDateTime) row[4]));
        return info(List.of(ResultColumn.varchar("id"), ResultColumn.varchar("kind"), ResultColumn.varchar("statement"),
                ResultColumn.varchar("state"), ResultColumn.timestamp("started"), ResultColumn.bigint("records_in"),
                ResultColumn.bigint("records_out"), ResultColumn.bigint("late_records"),
                ResultColumn.bigint("malformed_records"), ResultColumn.bigint("rows_per_second"),
                ResultColumn.bigint("records_in_per_second"), ResultColumn.bigint("records_out_per_second"),
                ResultColumn.varchar("watermark"), ResultColumn.bigint("lag_millis"),
                ResultColumn.bigint("backpressure_millis"), ResultColumn.bigint("memory_bytes"),
                ResultColumn.bigint("state_bytes"), ResultColumn.bigint("state_keys"),
                ResultColumn.varchar("checkpointing"), ResultColumn.bigint("last_checkpoint"),
                ResultColumn.timestamp("last_checkpoint_time"), ResultColumn.bigint("last_checkpoint_bytes"),
                ResultColumn.bigint("last_checkpoint_millis"), ResultColumn.varchar("savepoint"),
                ResultColumn.bigint("restarts"),
                ResultColumn.bigint("source_retries"), ResultColumn.varchar("error")), rows);
    }

    /**
     * A job's checkpointing, its newest checkpoint (id, time, size, duration), the savepoint it was
     * stopped with and its restarts, as SHOW JOBS lists them.
     */
    private static Object[] checkpoints(BackgroundJob job) {
        Optional<CheckpointStats> last = job.lastCheckpoint();
        return new Object[] {
            job.checkpointing(),
            last.map(CheckpointStats::id).orElse(null),
            last.map(c -> DateTimeFunctions.toLocalDateTime(c.timestamp())).orElse(null),
            last.map(CheckpointStats::bytes).orElse(null),
            last.map(CheckpointStats::durationMillis).orElse(null),
            job.savepoint().map(Path::toString).orElse(null),
            (long) job.restarts()
        };
    }

    private static Object[] row(String id, String kind, String statement, QueryState state, long startMillis,
            QueryMetrics metrics, double rowsPerSecond, Object[] checkpoints, SluiceException failure, long memoryBytes,
            Session session) {
        Optional<Throughput> throughput = session.engine().metrics().throughput(metrics);
        OptionalLong lag = EventTimeLag.millis(metrics, session.engine().config().clock());
        List<Object> row = new ArrayList<>(java.util.Arrays.asList(
            id,
            kind,
            statement,
            state.name(),
            DateTimeFunctions.toLocalDateTime(startMillis),
            metrics.recordsIn(),
            metrics.recordsOut(),
            metrics.lateRecords(),
            metrics.malformedRecords(),
            Math.round(rowsPerSecond),
            throughput.map(t -> Math.round(t.recordsInPerSecond())).orElse(0L),
            throughput.map(t -> Math.round(t.recordsOutPerSecond())).orElse(0L),
            Watermarks.format(metrics.watermark()),
            lag.isPresent() ? lag.getAsLong() : null,
            metrics.backPressureNanos() / 1_000_000,
            memoryBytes,
            metrics.state().bytes(),
            metrics.state().keys()));
        row.addAll(java.util.Arrays.asList(checkpoints));
        row.add(metrics.sourceRetries());
        row.add(failure == null ? null : failure.getMessage());
        return row.toArray();
    }

    /** Every scalar, aggregate and table function a query may call, with its kind. */
    private static StatementResult functions() {
        List<Object[]> rows = new ArrayList<>();
        for (FunctionCatalog.Function function : FunctionCatalog.all()) {
            rows.add(new Object[] {function.name(), function.kind()});
        }
        return info(List.of(ResultColumn.varchar("name"), ResultColumn.varchar("kind")), rows);
    }

    static StatementResult info(List<ResultColumn> columns, List<Object[]> rows) {
        return new StatementResult(StatementResult.Kind.INFO, new ListCursor(columns, rows), null);
    }
}
