package io.sluice.engine.statement;

import io.sluice.engine.view.MaterializedView;
import io.sluice.engine.view.MaterializedViewSource;
import io.sluice.planner.catalog.CatalogEntry;
import io.sluice.planner.catalog.CatalogTable;
import java.util.Optional;

import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.parser.ast.DropObject;
import io.sluice.planner.catalog.TableKind;

/**
 * {@code DROP STREAM|TABLE|VIEW|MATERIALIZED VIEW [IF EXISTS]}; queries already running keep their
 * source, except that those following a dropped materialized view end, as its job is stopped.
 */
final class DropExecutor implements StatementExecutor<DropObject> {
    @Override
    public StatementResult execute(DropObject statement, Session session) {
        TableKind kind = TableKind.valueOf(statement.kind().name());
        Optional<CatalogEntry> entry = session.engine().catalog().find(statement.name());
        boolean dropped = session.engine().catalog().drop(statement.name(), kind, statement.ifExists());
        if (dropped && entry.orElse(null) instanceof CatalogTable table
                && table.source() instanceof MaterializedViewSource source) {
            stop(source.view(), session);
        }
        return StatementResult.done(Describing.kind(kind) + " '" + statement.name() + "' "
                + (dropped ? "dropped" : "does not exist"));
    }

    private static void stop(MaterializedView view, Session session) {
        view.close();
        if (view.job() != null) {
            try {
                session.engine().jobs().stop(view.job());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // a server resumes the job of a view no more
            session.engine().jobStore().ifPresent(store -> store.forget(view.job()));
        }
    }
}
