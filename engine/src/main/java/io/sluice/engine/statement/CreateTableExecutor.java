package io.sluice.engine.statement;

import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.parser.ast.CreateTable;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.ddl.TableDefinitions;

/** {@code CREATE STREAM|TABLE}: the source is made (and its options checked) now. */
final class CreateTableExecutor implements StatementExecutor<CreateTable> {
    @Override
    public StatementResult execute(CreateTable statement, Session session) {
        CatalogTable table = TableDefinitions.create(statement, session.engine().sql(),
                session.engine().connectors(), session.engine().config().clock(),
                session.engine().config().accessPolicy());
        String kind = Describing.kind(table.kind());
        boolean added = session.engine().catalog().add(table, statement.ifNotExists());
        return StatementResult.done(kind + " '" + table.name() + "' " + (added ? "created" : "already exists"));
    }
}
