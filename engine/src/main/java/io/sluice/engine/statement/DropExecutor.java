package io.sluice.engine.statement;

import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.parser.ast.DropObject;
import io.sluice.planner.catalog.TableKind;

/** {@code DROP STREAM|TABLE|VIEW [IF EXISTS]}; queries already running keep their source. */
final class DropExecutor implements StatementExecutor<DropObject> {
    @Override
    public StatementResult execute(DropObject statement, Session session) {
        TableKind kind = TableKind.valueOf(statement.kind().name());
        boolean dropped = session.engine().catalog().drop(statement.name(), kind, statement.ifExists());
        return StatementResult.done(Describing.kind(kind) + " '" + statement.name() + "' "
                + (dropped ? "dropped" : "does not exist"));
    }
}
