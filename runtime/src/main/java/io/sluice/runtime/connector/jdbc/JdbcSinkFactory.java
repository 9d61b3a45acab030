package io.sluice.runtime.connector.jdbc;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.connector.SinkContext;
import io.sluice.runtime.connector.SinkFactory;
import io.sluice.runtime.format.text.ColumnKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The {@code jdbc} connector's sink: writes rows into a database table through the database's
 * JDBC driver (which must be on the engine's class path), with Flink's option names.
 *
 * <p>Options: {@code 'url'} and {@code 'table-name'} (required); {@code 'username'},
 * {@code 'password'}; {@code 'driver'}: a driver class to load, for drivers that do not register
 * themselves; {@code 'sink.buffer-flush.max-rows'} (default 100): rows buffered before they are
 * written in one batch and committed; {@code 'sink.buffer-flush.interval'} (default {@code 1 s}):
 * buffered rows are written at least this often, {@code 0} to write only by count;
 * {@code 'sink.max-retries'} (default 3): how often a failed write is tried again;
 * {@code 'sink.parallelism'} is accepted and ignored.
 *
 * <p>Without a primary key rows are appended ({@code INSERT}), and the sink takes only queries that
 * append. With one ({@code PRIMARY KEY (k) NOT ENFORCED}) it takes updating queries too, as
 * upserts: an insert or an update's new value ({@code +I}, {@code +U}) replaces the row with the
 * same key, written with the database's own statement (H2's {@code MERGE ... KEY}, PostgreSQL's
 * {@code ON CONFLICT}, MySQL's {@code ON DUPLICATE KEY UPDATE}); a delete ({@code -D}) deletes the
 * key's row; an update's old value ({@code -U}) is skipped. Of the changes of one key that are
 * buffered, only the last is written. Other databases take appends only. Column and table names are
 * written as declared, unquoted, so the database applies its own case rules.
 *
 * <p>In a checkpointed job each barrier writes and commits what is buffered: at least once, and
 * with a primary key the table ends as if exactly once (see {@link JdbcWriter}).
 *
 * <p>The URL must be one the {@link io.sluice.runtime.security.AccessPolicy} lets the connector
 * open, checked when the table is created, before any driver sees it.
 */
public final class JdbcSinkFactory implements SinkFactory {
    static final String URL = "url";
    static final String TABLE_NAME = "table-name";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String DRIVER = "driver";
    static final String MAX_ROWS = "sink.buffer-flush.max-rows";
    static final String INTERVAL = "sink.buffer-flush.interval";
    static final String MAX_RETRIES = "sink.max-retries";
    static final String SINK_PARALLELISM = "sink.parallelism";

    @Override
    public String identifier() {
        return "jdbc";
    }

    @Override
    public Sink create(SinkContext context) {
        ConnectorOptions options = context.options();
        String url = options.required(URL);
        if (!url.startsWith("jdbc:")) {
            throw options.invalid(URL, "'" + url + "' is not a JDBC URL (jdbc:...)");
        }
        // Before any driver sees the URL: a driver may read files or run code as it parses one.
        context.accessPolicy().checkJdbcUrl(url);
        String table = options.required(TABLE_NAME);
        Optional<String> username = options.optional(USERNAME);
        Optional<String> password = options.optional(PASSWORD);
        options.optional(DRIVER).ifPresent(driver -> loadDriver(options, driver));
        int maxRows = options.getInt(MAX_ROWS, 100);
        if (maxRows <= 0) {
            throw options.invalid(MAX_ROWS, "must be positive");
        }
        Duration interval = options.getDuration(INTERVAL, Duration.ofSeconds(1));
        int maxRetries = options.getInt(MAX_RETRIES, 3);
        if (maxRetries < 0) {
            throw options.invalid(MAX_RETRIES, "must not be negative");
        }
        options.getInt(SINK_PARALLELISM, 1);
        List<String> columns = context.schema().getFields().stream().map(Field::getName).toList();
        List<ColumnKind> kinds = ColumnKind.of(context.schema(), "jdbc", context.tableName());
        List<String> key = context.primaryKey();
        String statement = JdbcDialect.of(url).statement(table, columns, key, options);
        return new JdbcSink(url, table, username, password, statement,
                key.isEmpty() ? null : JdbcDialect.deleteStatement(table, key),
                key.stream().mapToInt(columns::indexOf).toArray(), kinds, maxRows, interval.toMillis(), maxRetries);
    }

    /** Loads and so registers a driver class; any other class is refused before its static code runs. */
    private static void loadDriver(ConnectorOptions options, String driver) {
        ClassLoader loader = JdbcSinkFactory.class.getClassLoader();
        try {
            if (!java.sql.Driver.class.isAssignableFrom(Class.forName(driver, false, loader))) {
                throw options.invalid(DRIVER, "the class '" + driver + "' is not a JDBC driver (java.sql.Driver)");
            }
            Class.forName(driver, true, loader);
        } catch (ClassNotFoundException e) {
            throw options.invalid(DRIVER, "the class '" + driver + "' is not on the class path");
        }
    }
}
