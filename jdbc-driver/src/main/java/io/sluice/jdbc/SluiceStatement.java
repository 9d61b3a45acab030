package io.sluice.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;

/**
 * A statement whose {@link #cancel()} reaches the engine, whose query timeout stops its query, and
 * whose failures carry the engine's SQLState and message.
 */
final class SluiceStatement extends AvaticaStatement implements QueryTimeout.Bounded {
    private final QueryTimeout timeout = new QueryTimeout();

    SluiceStatement(SluiceConnection connection, Meta.StatementHandle h, int resultSetType, int resultSetConcurrency,
                    int resultSetHoldability) {
        super(connection, h, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        newExecution();
        return SqlErrors.call(() -> super.executeQuery(sql));
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        newExecution();
        return SqlErrors.call(() -> super.execute(sql));
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        newExecution();
        return SqlErrors.call(() -> super.executeLargeUpdate(sql));
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        newExecution();
        return SqlErrors.call(super::executeLargeBatch);
    }

    /** Stops the running query on the engine; a thread waiting in {@code next()} gets SQLState 57014. */
    @Override
    public void cancel() throws SQLException {
        super.cancel();
        ((SluiceConnection) connection).cancelOnEngine(handle);
    }

    /** A cancel stops one execution (Avatica's flag would otherwise stay set for the next ones); a timeout bounds it. */
    private void newExecution() throws SQLException {
        cancelFlag.set(false);
        timeout.start(this);
    }

    @Override
    public QueryTimeout queryTimeout() {
        return timeout;
    }

    @Override
    public void close() throws SQLException {
        timeout.stop();
        super.close();
    }
}
