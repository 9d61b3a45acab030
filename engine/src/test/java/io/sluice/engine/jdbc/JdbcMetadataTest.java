package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.jdbc.SluiceVersion;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What BI tools ask about Sluice and its result sets, and how values come back. (That a TIMESTAMP
 * does not move in a JVM whose zone is not UTC is checked by {@link TimeZoneTest}, in a JVM started
 * in such a zone.)
 */
@Timeout(120)
class JdbcMetadataTest {
    private static final String BIDS = "CREATE STREAM bids (ts TIMESTAMP(3), bidder VARCHAR(20) NOT NULL, "
            + "price DECIMAL(10, 2), qty BIGINT, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'live')";

    static Stream<Supplier<JdbcTarget>> targets() {
        return Stream.of(JdbcTarget::remote, JdbcTarget::embedded);
    }

    @ParameterizedTest
    @MethodSource("targets")
    void tablesColumnsAndTypes(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(BIDS);
                statement.executeUpdate("CREATE TABLE people (id INT, name STRING) WITH ('connector' = 'live')");
            }
            DatabaseMetaData meta = connection.getMetaData();
            assertEquals("Sluice", meta.getDatabaseProductName());
            assertEquals(SluiceVersion.version(), meta.getDatabaseProductVersion());
            assertEquals(SluiceVersion.version(), meta.getDriverVersion());
            assertEquals("`", meta.getIdentifierQuoteString());

            assertEquals(List.of("null|null|bids|STREAM", "null|null|people|TABLE"),
                    rows(meta.getTables(null, null, "%", null), 1, 2, 3, 4));
            assertEquals(List.of("null|null|bids|STREAM"), rows(meta.getTables(null, null, "%", new String[] {"STREAM"}), 1, 2, 3, 4));
            assertEquals(List.of("people"), rows(meta.getTables(null, null, "p_op%", null), 3));
            assertEquals(List.of(), rows(meta.getTables("nope", null, "%", null), 3));

            assertEquals(List.of(
                    "bids|ts|93|TIMESTAMP|23|1|YES|1",
                    "bids|bidder|12|VARCHAR|20|0|NO|2",
                    "bids|price|3|DECIMAL|10|1|YES|3",
                    "bids|qty|-5|BIGINT|19|1|YES|4"), rows(meta.getColumns(null, null, "bids", null), 3, 4, 5, 6, 7, 11, 18, 17));
            assertEquals(List.of("10|2"), rows(meta.getColumns(null, null, "bids", "price"), 7, 9));
            assertEquals(List.of("23|3"), rows(meta.getColumns(null, null, "bids", "ts"), 7, 9));

            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE VIEW pricey (bidder_name, price) AS SELECT bidder, price FROM bids");
            }
            assertEquals(List.of("pricey|bidder_name|12|VARCHAR|1", "pricey|price|3|DECIMAL|2"),
                    rows(meta.getColumns(null, null, "pricey", null), 3, 4, 5, 6, 17));

            assertEquals(List.of("MATERIALIZED VIEW", "STREAM", "TABLE", "VIEW"), rows(meta.getTableTypes(), 1));
            assertEquals(List.of(), rows(meta.getSchemas(), 1));
            assertEquals(List.of(), rows(meta.getCatalogs(), 1));
            assertEquals(List.of(), rows(meta.getPrimaryKeys(null, null, "bids"), 4));
            assertEquals(List.of(), rows(meta.getImportedKeys(null, null, "bids"), 4));
            List<String> types = rows(meta.getTypeInfo(), 1, 2);
            assertTrue(types.contains("TIMESTAMP|93"), types.toString());
            assertTrue(types.contains("TIME|92"), types.toString());
            assertTrue(types.contains("VARCHAR|12"), types.toString());
            assertTrue(types.contains("DECIMAL|3"), types.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void resultSetMetadataAndValuesKeepTheirTypes(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(BIDS);
            LiveSource bids = target.live("bids");
            bids.addRow("2026-03-29 02:30:00.125|ann|12.50|7");
            bids.addRow("2026-01-01 00:00:00.000|bob|NULL|NULL");
            bids.end();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT STREAM ts, bidder AS who, price, qty, CAST(ts AS DATE) AS d, qty > 5 AS many FROM bids")) {
                ResultSetMetaData meta = rows.getMetaData();
                assertEquals(6, meta.getColumnCount());
                assertEquals("who", meta.getColumnLabel(2));
                assertEquals(Types.TIMESTAMP, meta.getColumnType(1));
                assertEquals("TIMESTAMP", meta.getColumnTypeName(1));
                assertEquals(3, meta.getPrecision(1), "fractional-second digits, as Avatica counts a TIMESTAMP's precision");
                assertEquals(Types.VARCHAR, meta.getColumnType(2));
                assertEquals(ResultSetMetaData.columnNoNulls, meta.isNullable(2));
                assertEquals(Types.DECIMAL, meta.getColumnType(3));
                assertEquals(10, meta.getPrecision(3));
                assertEquals(2, meta.getScale(3));
                assertEquals(ResultSetMetaData.columnNullable, meta.isNullable(3));
                assertEquals(Types.BIGINT, meta.getColumnType(4));
                assertEquals(Types.DATE, meta.getColumnType(5));
                assertEquals(Types.BOOLEAN, meta.getColumnType(6));
                assertEquals(Timestamp.class.getName(), meta.getColumnClassName(1));

                assertTrue(rows.next());
                assertEquals(Timestamp.valueOf("2026-03-29 02:30:00.125"), rows.getTimestamp(1));
                assertEquals(Timestamp.valueOf("2026-03-29 02:30:00.125"), rows.getObject(1));
                assertEquals(LocalDateTime.of(2026, 3, 29, 2, 30, 0, 125_000_000), rows.getObject(1, LocalDateTime.class));
                assertEquals("2026-03-29 02:30:00.125", rows.getString(1));
                assertEquals("ann", rows.getString("who"));
                assertEquals(new BigDecimal("12.50"), rows.getBigDecimal(3));
                assertEquals(7L, rows.getLong(4));
                assertEquals(java.sql.Date.valueOf("2026-03-29"), rows.getDate(5));
                assertEquals(LocalDate.of(2026, 3, 29), rows.getObject(5, LocalDate.class));
                assertTrue(rows.getBoolean(6));

                assertTrue(rows.next());
                assertEquals(Timestamp.valueOf("2026-01-01 00:00:00"), rows.getTimestamp(1));
                assertNull(rows.getBigDecimal(3));
                assertEquals(0L, rows.getLong(4));
                assertTrue(rows.wasNull());
                assertNull(rows.getObject(6));
                assertFalse(rows.next());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aViewWhoseSourceWasDroppedLeavesTheOtherColumnsListed(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE people (id INT, name STRING) WITH ('connector' = 'live')");
                statement.executeUpdate("CREATE TABLE gone (id INT) WITH ('connector' = 'live')");
                statement.executeUpdate("CREATE VIEW names AS SELECT name FROM people");
                statement.executeUpdate("CREATE VIEW orphan AS SELECT id FROM gone");
                statement.executeUpdate("DROP TABLE gone");
            }
            DatabaseMetaData meta = connection.getMetaData();
            // the orphan view is listed by getTables, but its columns cannot be known
            assertEquals(List.of("names|name", "people|id", "people|name"),
                    rows(meta.getColumns(null, null, "%", null), 3, 4).stream().sorted().toList());
        }
    }

    /** The given columns of every row, joined with {@code |}; the result set is closed. */
    private static List<String> rows(ResultSet rows, int... columns) throws SQLException {
        List<String> values = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 0; i < columns.length; i++) {
                    row.append(i > 0 ? "|" : "").append(rows.getString(columns[i]));
                }
                values.add(row.toString());
            }
        }
        return values;
    }
}
