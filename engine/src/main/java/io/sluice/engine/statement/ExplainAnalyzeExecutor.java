package io.sluice.engine.statement;

import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.engine.job.BackgroundJob;
import io.sluice.engine.query.RunningQuery;
import io.sluice.engine.result.ResultColumn;
import io.sluice.engine.result.ResultCursor;
import io.sluice.parser.ast.ExplainAnalyze;
import io.sluice.parser.ast.Query;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Watermarks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code EXPLAIN ANALYZE 'q3'}: the running plan of a query or job the session's user may control,
 * a row per node (each pipeline's operators, then its output) with what it has done so far; or
 * {@code EXPLAIN ANALYZE query}, which runs the query to its end, its rows discarded, and answers
 * the same of it.
 */
final class ExplainAnalyzeExecutor implements StatementExecutor<ExplainAnalyze> {
    private static final List<ResultColumn> COLUMNS = List.of(ResultColumn.varchar("pipeline"),
            ResultColumn.bigint("position"), ResultColumn.varchar("operator"), ResultColumn.bigint("rows_in"),
            ResultColumn.bigint("rows_out"), ResultColumn.bigint("late_records"), ResultColumn.bigint("busy_micros"), ResultColumn.bigint("state_keys"),
            ResultColumn.bigint("state_bytes"), ResultColumn.varchar("watermark"));

    @Override
    public StatementResult execute(ExplainAnalyze statement, Session session) {
        QueryMetrics metrics = statement.queryId().isPresent()
                ? find(statement.queryId().get(), session)
                : run(statement.query().orElseThrow(), session);
        List<Object[]> rows = new ArrayList<>();
        for (OperatorMetrics node : metrics.operators()) {
            rows.add(new Object[] {
                node.pipeline(),
                (long) node.position(),
                node.name(),
                node.rowsIn(),
                metrics.rowsOut(node),
                node.lateRecords(),
                metrics.ownNanos(node) / 1000,
                node.state().keys(),
                node.state().bytes(),
                Watermarks.format(node.watermark())
            });
        }
        return ShowExecutor.info(COLUMNS, rows);
    }

    /** A query's or job's metrics; another user's is not found, as STOP JOB does. */
    private static QueryMetrics find(String id, Session session) {
        Optional<QueryMetrics> query = session.engine().queries().find(id)
                .filter(found -> session.user().mayControl(found.owner())).map(RunningQuery::metrics);
        Optional<QueryMetrics> job = session.engine().jobs().find(id)
                .filter(found -> session.user().mayControl(found.owner())).map(BackgroundJob::metrics);
        return query.or(() -> job).orElseThrow(() -> new SluiceException(ErrorCode.OBJECT_NOT_FOUND,
                "no query or job with id '" + id + "' (SHOW QUERIES lists them; a query's ends when its cursor closes)"));
    }

    /** Runs the query until its rows end, and gives its metrics. */
    private static QueryMetrics run(Query query, Session session) {
        QueryExecutor.Started started = QueryExecutor.start(query, session);
        try (ResultCursor cursor = started.cursor()) {
            while (cursor.next() != null) {
                // the rows are not the answer: what the plan did to make them is
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SluiceException(ErrorCode.QUERY_CANCELLED, "EXPLAIN ANALYZE was interrupted before the query ended");
        }
        return started.query().metrics();
    }
}
