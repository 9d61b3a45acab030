package io.sluice.jdbc;

import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Calendar;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;

/**
 * A result set whose {@link #next()} reports the engine's failures as SQLExceptions with the
 * engine's SQLState, and a cancel, a query timeout or an interrupt with SQLState 57014.
 */
final class SluiceResultSet extends AvaticaResultSet {
    SluiceResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
                    ResultSetMetaData resultSetMetaData, TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
        super(statement, state, signature, resultSetMetaData, timeZone, firstFrame);
    }

    /** Adds {@code java.time} dates and times, read with the JVM's zone so that nothing shifts. */
    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        if (type == LocalDateTime.class) {
            Timestamp timestamp = getTimestamp(columnIndex, Calendar.getInstance());
            return type.cast(timestamp == null ? null : timestamp.toLocalDateTime());
        }
        if (type == LocalDate.class) {
            Date date = getDate(columnIndex, Calendar.getInstance());
            return type.cast(date == null ? null : date.toLocalDate());
        }
        if (type == LocalTime.class) {
            Time time = getTime(columnIndex, Calendar.getInstance());
            // Time.toLocalTime drops the milliseconds a TIME(3) has.
            return type.cast(time == null ? null
                    : time.toLocalTime().withNano((int) Math.floorMod(time.getTime(), 1000L) * 1_000_000));
        }
        return super.getObject(columnIndex, type);
    }

    @Override
    public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
        return getObject(findColumn(columnLabel), type);
    }

    @Override
    public boolean next() throws SQLException {
        try {
            return super.next();
        } catch (SQLException | RuntimeException e) {
            SQLException timedOut = statement instanceof QueryTimeout.Bounded bounded ? bounded.queryTimeout().expired() : null;
            if (timedOut != null) {
                throw timedOut;
            }
            if (statement != null && ((SluiceConnection) statement.connection).cancelFlag(statement.handle).get()) {
                throw SqlErrors.cancelled().toSqlException();
            }
            throw SqlErrors.toSqlException(e);
        }
    }
}
