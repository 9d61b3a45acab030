package io.sluice.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.Meta;

/**
 * A prepared statement. The engine fills its {@code ?} parameters in as SQL literals when it runs
 * it. Values are the JDBC ones plus {@code java.time} dates and times; Sluice has no binary or
 * large-object types, so streams, LOBs, row ids and XML are not accepted.
 */
final class SluicePreparedStatement extends AvaticaPreparedStatement implements QueryTimeout.Bounded {
    private final QueryTimeout timeout = new QueryTimeout();

    SluicePreparedStatement(SluiceConnection connection, Meta.StatementHandle h, Meta.Signature signature,
                            int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        super(connection, h, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        newExecution();
        return SqlErrors.call(super::executeQuery);
    }

    @Override
    public boolean execute() throws SQLException {
        newExecution();
        return SqlErrors.call(super::execute);
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        newExecution();
        return SqlErrors.call(super::executeLargeUpdate);
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        newExecution();
        return SqlErrors.call(super::executeLargeBatch);
    }

    @Override
    public void cancel() throws SQLException {
        super.cancel();
        ((SluiceConnection) connection).cancelOnEngine(handle);
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        if (x instanceof LocalDateTime timestamp) {
            setTimestamp(parameterIndex, Timestamp.valueOf(timestamp));
        } else if (x instanceof LocalDate date) {
            setDate(parameterIndex, Date.valueOf(date));
        } else if (x instanceof LocalTime time) {
            // Time.valueOf drops the fraction of the second; a TIME keeps its milliseconds.
            setTime(parameterIndex, new Time(Time.valueOf(time).getTime() + time.getNano() / 1_000_000));
        } else {
            super.setObject(parameterIndex, x);
        }
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        setString(parameterIndex, value);
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        throw notSupported("row ids");
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        throw notSupported("character streams");
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        throw notSupported("character streams");
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        throw notSupported("character streams");
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        throw notSupported("character streams");
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        throw notSupported("byte streams");
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        throw notSupported("byte streams");
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        throw notSupported("byte streams");
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        throw notSupported("byte streams");
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        throw notSupported("large objects");
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        throw notSupported("large objects");
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        throw notSupported("large objects");
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        throw notSupported("large objects");
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        throw notSupported("large objects");
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        throw notSupported("large objects");
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        throw notSupported("large objects");
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        throw notSupported("XML values");
    }

    private static SQLFeatureNotSupportedException notSupported(String what) {
        return new SQLFeatureNotSupportedException("Sluice parameters cannot be " + what, "0A000");
    }

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
