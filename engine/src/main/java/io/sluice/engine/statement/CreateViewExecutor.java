package io.sluice.engine.statement;

import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.parser.StatementParser;
import io.sluice.parser.ast.CreateView;
import io.sluice.parser.ast.Query;
import io.sluice.planner.QueryPlanner;
import io.sluice.planner.catalog.CatalogView;
import io.sluice.planner.view.ViewExpansion;

/** {@code CREATE VIEW}: the query is validated now and stored as text, expanded wherever the view is read. */
final class CreateViewExecutor implements StatementExecutor<CreateView> {
    @Override
    public StatementResult execute(CreateView statement, Session session) {
        if (statement.materialized()) {
            return new CreateMaterializedViewExecutor().execute(statement, session);
        }
        String definition = ViewExpansion.definition(statement.name(), statement.columns(), statement.query());
        Query query = (Query) new StatementParser().parse(definition);
        new QueryPlanner(session.engine().sql()).validate(query.query());
        boolean added = session.engine().catalog().add(
                new CatalogView(statement.name(), definition, statement.columns()), statement.ifNotExists());
        return StatementResult.done("View '" + statement.name() + "' " + (added ? "created" : "already exists"));
    }
}
