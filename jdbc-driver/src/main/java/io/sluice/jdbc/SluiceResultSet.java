package io.sluice.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;

/**
 * A result set whose {@link #next()} reports the engine's failures as SQLExceptions with the
 * engine's SQLState, and a cancel with SQLState 57014.
 */
final class SluiceResultSet extends AvaticaResultSet {
    SluiceResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
                    ResultSetMetaData resultSetMetaData, TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
        super(statement, state, signature, resultSetMetaData, timeZone, firstFrame);
    }

    @Override
    public boolean next() throws SQLException {
        try {
            return super.next();
        } catch (SQLException | RuntimeException e) {
            if (statement != null && ((SluiceConnection) statement.connection).cancelFlag(statement.handle).get()) {
                throw SqlErrors.cancelled().toSqlException();
            }
            throw SqlErrors.toSqlException(e);
        }
    }
}
