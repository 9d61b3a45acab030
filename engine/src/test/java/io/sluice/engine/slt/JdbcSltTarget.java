package io.sluice.engine.slt;

import io.sluice.engine.Engine;
import io.sluice.engine.jdbc.JdbcTarget;
import io.sluice.engine.result.QuerySummary;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Statements run through JDBC, with the thin driver against a server or in-process: each value is
 * read as a JDBC client reads it ({@code java.time} for dates and timestamps) and formatted as the
 * files write it. Query counters do not travel over JDBC, so {@code summary} records are not checked.
 */
final class JdbcSltTarget implements SltTarget {
    private final JdbcTarget target;
    private final Connection connection;

    JdbcSltTarget(JdbcTarget target, int parallelism) {
        this.target = target;
        try {
            this.connection = target.connect();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET 'parallelism' = '" + parallelism + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + target, e);
        }
    }

    @Override
    public Engine engine() {
        return target.engine();
    }

    @Override
    public List<String> run(String sql) throws Failure {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return rows;
            }
            try (ResultSet result = statement.getResultSet()) {
                ResultSetMetaData meta = result.getMetaData();
                Object[] row = new Object[meta.getColumnCount()];
                while (result.next()) {
                    for (int i = 0; i < row.length; i++) {
                        row[i] = switch (meta.getColumnType(i + 1)) {
                            case Types.TIMESTAMP -> result.getObject(i + 1, LocalDateTime.class);
                            case Types.DATE -> result.getObject(i + 1, LocalDate.class);
                            case Types.TIME -> result.getObject(i + 1, LocalTime.class);
                            default -> result.getObject(i + 1);
                        };
                    }
                    rows.add(SltValues.format(row));
                }
            }
        } catch (SQLException e) {
            throw new Failure(e.getSQLState(), e.getMessage(), e);
        }
        return rows;
    }

    @Override
    public Optional<QuerySummary> lastSummary() {
        return Optional.empty();
    }

    @Override
    public void close() {
        try (target) {
            connection.close();
        } catch (SQLException e) {
            throw new AssertionError("closing the JDBC connection failed", e);
        }
    }
}
