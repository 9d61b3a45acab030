package io.sluice.engine.statement;

import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.engine.query.QueryCursor;
import io.sluice.engine.query.RunningQuery;
import io.sluice.engine.result.FinalResultCursor;
import io.sluice.engine.result.ResultColumn;
import io.sluice.engine.result.ResultCursor;
import io.sluice.planner.physical.JobOptions;
import io.sluice.parser.ast.Query;
import io.sluice.planner.PlannedQuery;
import io.sluice.planner.QueryPlanner;
import java.util.ArrayList;
import java.util.List;

/** A query: planned, started as a job, its rows read through a cursor as they come. */
final class QueryExecutor implements StatementExecutor<Query> {
    @Override
    public StatementResult execute(Query statement, Session session) {
        Started started = start(statement, session);
        return new StatementResult(StatementResult.Kind.QUERY, started.cursor(), null);
    }

    /**
     * A started query and the cursor its rows are read through.
     *
     * @param cursor a plain SELECT's answers with the result as it stands at the end; SELECT STREAM's shows
     *               each change
     */
    record Started(RunningQuery query, ResultCursor cursor) {
    }

    /** Plans the query and starts it. */
    static Started start(Query statement, Session session) {
        PlannedQuery plan = new QueryPlanner(session.engine().sql()).plan(statement.query());
        boolean changelog = plan.changelog().carriesRowKinds();
        List<ResultColumn> columns = new ArrayList<>();
        if (changelog) {
            columns.add(ResultColumn.rowKind());
        }
        columns.addAll(QueryColumns.selected(plan));
        JobOptions options = session.settings().jobOptions();
        RunningQuery query = session.startQuery(statement.text(), columns,
                (id, sink) -> plan.jobSpec(id, options, sink, true));
        ResultCursor cursor = new QueryCursor(query, changelog);
        return new Started(query, changelog && !plan.streaming() ? new FinalResultCursor(cursor) : cursor);
    }
}
