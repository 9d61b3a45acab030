package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Session;
import io.sluice.runtime.error.SluiceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of statement through JDBC, with the thin driver against a server and in-process:
 * DDL and SET give an update count of 0, queries, SHOW, DESCRIBE and EXPLAIN give result sets,
 * prepared statements fill their parameters in, and failures are SQLExceptions with the engine's
 * SQLState and message after which the connection goes on working.
 */
@Timeout(120)
class JdbcStatementsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String BIDS = "CREATE STREAM bids (ts TIMESTAMP(3), bidder VARCHAR, price INT, "
            + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'live')";

    static Stream<Supplier<JdbcTarget>> targets() {
        return Stream.of(JdbcTarget::remote, JdbcTarget::embedded);
    }

    @ParameterizedTest
    @MethodSource("targets")
    void ddlAndSetGiveAnUpdateCountOfZero(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect();
             Statement statement = connection.createStatement()) {
            assertEquals(0, statement.executeUpdate(BIDS));
            assertFalse(statement.execute("SET 'parallelism' = '2'"));
            assertEquals(0, statement.getUpdateCount());
            assertFalse(statement.execute("DROP STREAM bids"));
            assertEquals(0, statement.getUpdateCount());
            assertTrue(target.engine().catalog().entries().isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void showDescribeAndExplainAreResultSets(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(BIDS);
            assertTrue(statement.execute("SHOW STREAMS"));
            assertEquals(-1, statement.getUpdateCount());
            assertEquals(List.of("bids"), column(statement.getResultSet(), 1));
            assertFalse(statement.getMoreResults());
            assertEquals(-1, statement.getUpdateCount());

            try (ResultSet columns = statement.executeQuery("DESCRIBE bids")) {
                assertEquals("name", columns.getMetaData().getColumnLabel(1));
                assertEquals(List.of("ts", "bidder", "price"), column(columns, 1));
            }
            try (ResultSet types = statement.executeQuery("DESCRIBE bids")) {
                assertEquals(List.of("TIMESTAMP(3) *ROWTIME*", "VARCHAR", "INTEGER"), column(types, 2));
            }
            try (ResultSet plan = statement.executeQuery("EXPLAIN SELECT STREAM bidder FROM bids WHERE price > 10")) {
                assertTrue(plan.next());
                assertTrue(plan.getString(1).contains("== Physical plan =="), plan.getString(1));
            }
            try (ResultSet set = statement.executeQuery("SET")) {
                assertFalse(set.next());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aBoundedQueryGivesItsRowsAndEnds(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE STREAM numbers (id BIGINT, label VARCHAR) WITH ('connector' = 'sequence', "
                    + "'count' = '1000')");
            try (ResultSet rows = statement.executeQuery("SELECT id * 2, label FROM numbers WHERE id % 100 = 7")) {
                List<String> seen = new ArrayList<>();
                while (rows.next()) {
                    seen.add(rows.getLong(1) + "|" + rows.getString(2));
                }
                List<String> expected = new ArrayList<>();
                for (int id = 7; id < 1000; id += 100) {
                    expected.add(id * 2 + "|row-" + id);
                }
                assertEquals(expected, seen);
            }
            target.awaitIdle(TIMEOUT);
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void setMaxRowsEndsAContinuousResult(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE STREAM ticks (id BIGINT) WITH ('connector' = 'sequence')");
            statement.setMaxRows(3);
            try (ResultSet rows = statement.executeQuery("SELECT STREAM id FROM ticks")) {
                assertEquals(List.of("0", "1", "2"), column(rows, 1));
            }
            target.awaitIdle(TIMEOUT);
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void errorsCarryTheEngineSqlStateAndPosition(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(BIDS);

            SQLException missing = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT bidder\nFROM nope"));
            assertEquals("42S02", missing.getSQLState());
            assertTrue(missing.getMessage().startsWith("line 2, column 6: "), missing.getMessage());
            assertEquals(inProcessError(target, "SELECT bidder\nFROM nope"), missing.getMessage());

            SQLException column = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT nope FROM bids"));
            assertEquals("42S22", column.getSQLState());
            assertTrue(column.getMessage().startsWith("line 1, column 8: "), column.getMessage());

            SQLException syntax = assertThrows(SQLException.class, () -> statement.execute("CREATE STREM x (a INT)"));
            assertEquals("42000", syntax.getSQLState());
            assertTrue(syntax.getMessage().startsWith("line 1, column 8: "), syntax.getMessage());

            SQLException exists = assertThrows(SQLException.class, () -> statement.execute(BIDS));
            assertEquals("42S01", exists.getSQLState());

            SQLException option = assertThrows(SQLException.class, () -> statement.execute("SET 'parallelism' = 'many'"));
            assertEquals("42P17", option.getSQLState());

            // The connection and the statement go on working.
            try (ResultSet streams = statement.executeQuery("SHOW STREAMS")) {
                assertEquals(List.of("bids"), column(streams, 1));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aQueryThatFailsWhileRunningFailsNext(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE STREAM numbers (id INT) WITH ('connector' = 'sequence', 'count' = '10')");
            ResultSet rows = statement.executeQuery("SELECT STREAM 100 / (id - 5) FROM numbers");
            SQLException failure = assertThrows(SQLException.class, () -> {
                while (rows.next()) {
                    rows.getInt(1);
                }
            });
            assertEquals("22012", failure.getSQLState());
            rows.close();
            try (ResultSet streams = statement.executeQuery("SHOW STREAMS")) {
                assertEquals(List.of("numbers"), column(streams, 1));
            }
            target.awaitIdle(TIMEOUT);
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void preparedStatementsFillTheirParametersIn(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(BIDS);
            }
            LiveSource bids = target.live("bids");
            bids.addRow("2026-01-01 10:00:00.000|ann|5");
            bids.addRow("2026-01-01 10:00:01.000|o'brien|20");
            bids.addRow("2026-01-01 10:00:02.000|bob|-3");
            bids.addRow("2026-01-01 10:00:03.000|NULL|7");
            bids.end();

            String sql = "SELECT STREAM bidder, price FROM bids WHERE (price > ? OR bidder = ?) AND ts >= ? -- price ?\n"
                    + "AND bidder <> '?'";
            try (PreparedStatement prepared = connection.prepareStatement(sql)) {
                assertEquals(3, prepared.getParameterMetaData().getParameterCount());
                prepared.setInt(1, 6);
                prepared.setString(2, "o'brien");
                prepared.setTimestamp(3, Timestamp.valueOf("2026-01-01 10:00:01"));
                try (ResultSet rows = prepared.executeQuery()) {
                    assertEquals(List.of("o'brien|20"), rows(rows));
                }
                prepared.setInt(1, -4);
                prepared.setNull(2, Types.VARCHAR);
                prepared.setObject(3, LocalDateTime.of(2026, 1, 1, 10, 0, 2));
                try (ResultSet rows = prepared.executeQuery()) {
                    assertEquals(List.of("bob|-3"), rows(rows));
                }
            }
            // A TIME parameter is a TIME literal, compared with the time of day of each bid.
            try (PreparedStatement prepared = connection.prepareStatement(
                    "SELECT STREAM price FROM bids WHERE CAST(ts AS TIME(3)) < ?")) {
                prepared.setTime(1, Time.valueOf("10:00:01"));
                try (ResultSet rows = prepared.executeQuery()) {
                    assertEquals(List.of("5"), rows(rows));
                }
                prepared.setObject(1, LocalTime.of(10, 0, 0, 1_000_000));
                try (ResultSet rows = prepared.executeQuery()) {
                    assertEquals(List.of("5"), rows(rows));
                }
            }
            try (PreparedStatement prepared = connection.prepareStatement("SELECT STREAM bidder FROM bids WHERE price = ?")) {
                SQLException unset = assertThrows(SQLException.class, prepared::executeQuery);
                assertEquals("07001", unset.getSQLState());
            }
            try (PreparedStatement ddl = connection.prepareStatement(
                    "CREATE STREAM more (id BIGINT) WITH ('connector' = 'sequence', 'count' = ?)")) {
                ddl.setString(1, "3");
                assertEquals(0, ddl.executeUpdate());
            }
            target.awaitIdle(TIMEOUT);
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aBatchRunsStatementsWithoutRows(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect();
             Statement statement = connection.createStatement()) {
            statement.addBatch("CREATE STREAM a (id BIGINT) WITH ('connector' = 'sequence', 'count' = '1')");
            statement.addBatch("CREATE STREAM b (id BIGINT) WITH ('connector' = 'sequence', 'count' = '1')");
            assertArrayEquals(new int[] {0, 0}, statement.executeBatch());
            assertEquals(2, target.engine().catalog().entries().size());
        }
    }

    /** The message the same statement fails with when run in an engine session. */
    private static String inProcessError(JdbcTarget target, String sql) {
        try (Session session = target.engine().newSession()) {
            return assertThrows(SluiceException.class, () -> session.execute(sql)).getMessage();
        }
    }

    private static List<String> column(ResultSet rows, int column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                values.add(rows.getString(column));
            }
        }
        return values;
    }

    private static List<String> rows(ResultSet rows) throws SQLException {
        List<String> values = new ArrayList<>();
        while (rows.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                row.append(i > 1 ? "|" : "").append(rows.getString(i));
            }
            values.add(row.toString());
        }
        assertNull(rows.getWarnings());
        return values;
    }
}
