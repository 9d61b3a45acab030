package io.sluice.engine.statement;

import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.parser.ast.Statement;

/** Runs one kind of statement in a session. */
@FunctionalInterface
public interface StatementExecutor<S extends Statement> {
    StatementResult execute(S statement, Session session);
}
