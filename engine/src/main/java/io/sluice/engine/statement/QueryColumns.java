package io.sluice.engine.statement;

import io.sluice.engine.Session;
import io.sluice.engine.result.ResultColumn;
import io.sluice.parser.ast.Query;
import io.sluice.planner.PlannedQuery;
import io.sluice.planner.QueryPlanner;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * The columns of a query's result: those of its SELECT list, after an {@code op} column when the
 * result is a changelog that the client sees as one (a {@code SELECT STREAM} of an updating query).
 */
public final class QueryColumns {
    private QueryColumns() {
    }

    /** The columns a query's result will have, planned but not started (a prepared statement's). */
    public static List<ResultColumn> describe(Query query, Session session) {
        PlannedQuery plan = new QueryPlanner(session.engine().sql()).plan(query.query());
        List<ResultColumn> columns = new ArrayList<>();
        // a plain SELECT answers with the final rows of a changelog, without their kinds
        if (plan.changelog().carriesRowKinds() && plan.streaming()) {
            columns.add(ResultColumn.rowKind());
        }
        columns.addAll(selected(plan));
        return columns;
    }

    /** The columns of the query's SELECT list. */
    static List<ResultColumn> selected(PlannedQuery plan) {
        List<ResultColumn> columns = new ArrayList<>();
        for (RelDataTypeField field : plan.rowType().getFieldList()) {
            columns.add(ResultColumn.of(field.getName(), plan.physical().getRowType().getFieldList()
                    .get(field.getIndex()).getType()));
        }
        return columns;
    }
}
