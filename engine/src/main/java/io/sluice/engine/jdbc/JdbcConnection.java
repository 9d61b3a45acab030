package io.sluice.engine.jdbc;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.Session;
import io.sluice.engine.SessionUser;
import io.sluice.engine.StatementResult;
import io.sluice.engine.result.ResultColumn;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.avatica.ConnectionPropertiesImpl;
import org.apache.calcite.avatica.Meta;

/**
 * A client's connection on the engine: its session (its {@code SET} options and queries), its
 * statements, the connection properties the client synchronised, and when it was last heard from.
 */
final class JdbcConnection {
    private final String id;
    private final String name;
    private final Session session;
    private final Map<Integer, JdbcStatement> statements = new ConcurrentHashMap<>();
    private final AtomicInteger statementIds = new AtomicInteger();
    private final ConnectionPropertiesImpl properties = new ConnectionPropertiesImpl(true, false,
            Connection.TRANSACTION_NONE, null, null);
    private volatile long lastSeenNanos;

    JdbcConnection(String id, Session session, long nowNanos) {
        this.id = requireNonNull(id, "id is null");
        this.session = requireNonNull(session, "session is null");
        this.name = id.length() > 8 ? id.substring(0, 8) : id;
        this.lastSeenNanos = nowNanos;
    }

    String id() {
        return id;
    }

    /** The user who opened the connection: only they may use it. */
    SessionUser user() {
        return session.user();
    }

    /** A short name for logs. */
    String name() {
        return name;
    }

    void touch(long nowNanos) {
        lastSeenNanos = nowNanos;
    }

    long lastSeenNanos() {
        return lastSeenNanos;
    }

    /**
     * Runs a statement, a query returning at most {@code maxRows} rows (0 or less: all);
     * statements of one connection run one at a time, as a session requires.
     */
    synchronized StatementResult execute(String sql, long maxRows) {
        return session.execute(sql, Math.max(maxRows, 0));
    }

    /** The columns the statement's result would have, without running it (see {@link Session#resultColumns}). */
    synchronized List<ResultColumn> resultColumns(String sql) {
        return session.resultColumns(sql);
    }

    JdbcStatement newStatement(String preparedSql) {
        JdbcStatement statement = new JdbcStatement(statementIds.incrementAndGet(), preparedSql);
        statements.put(statement.id(), statement);
        return statement;
    }

    /** The statement, or null if the connection has no such statement. */
    JdbcStatement statement(int statementId) {
        return statements.get(statementId);
    }

    JdbcStatement removeStatement(int statementId) {
        return statements.remove(statementId);
    }

    synchronized Meta.ConnectionProperties sync(Meta.ConnectionProperties changes) {
        return properties.merge(changes);
    }

    /** Stops every running result, then closes the session. */
    void close(String why) {
        List<JdbcStatement> open = new ArrayList<>(statements.values());
        statements.clear();
        for (JdbcStatement statement : open) {
            statement.stopResult(why);
        }
        session.close();
    }
}
