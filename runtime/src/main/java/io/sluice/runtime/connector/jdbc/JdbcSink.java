package io.sluice.runtime.connector.jdbc;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.text.ColumnKind;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** A database table written through JDBC (see {@link JdbcSinkFactory}). */
final class JdbcSink implements Sink {
    private final String url;
    private final String table;
    private final Optional<String> username;
    private final Optional<String> password;
    private final String statement;
    private final String deleteStatement;
    private final int[] keyColumns;
    private final List<ColumnKind> kinds;
    private final int maxRows;
    private final long intervalMillis;
    private final int maxRetries;

    /**
     * @param statement       writes one row: an insert, or with a primary key an upsert
     * @param deleteStatement deletes one key's row, or null without a primary key
     * @param keyColumns      the primary key's columns, empty without one
     */
    JdbcSink(String url, String table, Optional<String> username, Optional<String> password, String statement,
             String deleteStatement, int[] keyColumns, List<ColumnKind> kinds, int maxRows, long intervalMillis,
             int maxRetries) {
        this.url = requireNonNull(url, "url is null");
        this.table = requireNonNull(table, "table is null");
        this.username = requireNonNull(username, "username is null");
        this.password = requireNonNull(password, "password is null");
        this.statement = requireNonNull(statement, "statement is null");
        this.deleteStatement = deleteStatement;
        this.keyColumns = keyColumns.clone();
        this.kinds = List.copyOf(requireNonNull(kinds, "kinds is null"));
        this.maxRows = maxRows;
        this.intervalMillis = intervalMillis;
        this.maxRetries = maxRetries;
    }

    @Override
    public Output createOutput(TaskContext context) {
        return new JdbcWriter(this, statement, deleteStatement, keyColumns, kinds, maxRows, intervalMillis, maxRetries,
                context.clock());
    }

    /**
     * With a primary key, the sink writes upserts and deletes by it (and skips the old values of
     * updates); without one, it appends.
     */
    @Override
    public ChangelogMode acceptedChangelog() {
        return deleteStatement == null ? ChangelogMode.INSERT_ONLY : ChangelogMode.UPSERT;
    }

    /** Connects and asks for no row of the table, so that a wrong URL or table is reported when the INSERT runs. */
    @Override
    public void check() {
        try (Connection connection = connect(); Statement query = connection.createStatement()) {
            query.setMaxRows(1);
            query.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0").close();
        } catch (SQLException e) {
            throw error(e);
        }
    }

    Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        return DriverManager.getConnection(url, properties);
    }

    /** A database's error, with a code by its SQLState: a missing table, a connection, or other. */
    SluiceException error(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        ErrorCode code = state.startsWith("08") ? ErrorCode.CONNECTION_ERROR
                : state.equals("42S02") || state.equals("42P01") || state.equals("42102") ? ErrorCode.OBJECT_NOT_FOUND
                : ErrorCode.IO_ERROR;
        return new SluiceException(code, "jdbc sink '" + table + "' at " + url + ": " + e.getMessage(), e);
    }

    @Override
    public String describe() {
        return "jdbc(url=" + url + ", table-name=" + table + ")";
    }
}
