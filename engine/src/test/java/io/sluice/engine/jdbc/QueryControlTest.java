package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A prepared statement's columns before it runs, a query timeout and an interrupted reader, through
 * the driver against a server and in-process.
 */
@Timeout(120)
class QueryControlTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String BIDS = "CREATE STREAM bids (ts TIMESTAMP(3), bidder VARCHAR, price INT, "
            + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'live')";

    static Stream<Supplier<JdbcTarget>> targets() {
        return Stream.of(JdbcTarget::remote, JdbcTarget::embedded);
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aPreparedStatementHasItsColumnsBeforeItRuns(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect();
             Statement statement = connection.createStatement()) {
            statement.execute(BIDS);
            try (PreparedStatement prepared = connection.prepareStatement(
                    "SELECT bidder, price * 2 AS doubled, ts FROM bids WHERE price > ?")) {
                ResultSetMetaData columns = prepared.getMetaData();
                assertEquals(3, columns.getColumnCount());
                assertEquals(List.of("bidder", "doubled", "ts"),
                        List.of(columns.getColumnLabel(1), columns.getColumnLabel(2), columns.getColumnLabel(3)));
                assertEquals(List.of(Types.VARCHAR, Types.INTEGER, Types.TIMESTAMP),
                        List.of(columns.getColumnType(1), columns.getColumnType(2), columns.getColumnType(3)));
            }
            try (PreparedStatement prepared = connection.prepareStatement(
                    "SELECT STREAM bidder, COUNT(*) AS n FROM bids GROUP BY bidder")) {
                ResultSetMetaData columns = prepared.getMetaData();
                assertEquals(List.of("op", "bidder", "n"), List.of(columns.getColumnLabel(1), columns.getColumnLabel(2),
                        columns.getColumnLabel(3)));
            }
            try (PreparedStatement prepared = connection.prepareStatement("SET 'parallelism' = '1'")) {
                assertEquals(0, prepared.getMetaData().getColumnCount());
            }
            SQLException missing = assertThrows(SQLException.class, () -> connection.prepareStatement("SELECT * FROM nope"));
            assertEquals("42S02", missing.getSQLState());
            target.awaitIdle(TIMEOUT);
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void aQueryTimeoutStopsTheQuery(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect();
             Statement statement = connection.createStatement()) {
            statement.execute(BIDS);
            statement.setQueryTimeout(1);
            long start = System.nanoTime();
            try (ResultSet rows = statement.executeQuery("SELECT STREAM bidder FROM bids")) {
                SQLException timedOut = assertThrows(SQLException.class, rows::next);
                assertEquals("57014", timedOut.getSQLState());
                assertTrue(timedOut.getMessage().contains("timed out"), timedOut.getMessage());
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertTrue(seconds >= 1 && seconds < 20, seconds + " s");
            target.awaitIdle(TIMEOUT);

            // the statement runs again; a query that ends in time is not stopped
            target.live("bids").addRow("2026-01-01 00:00:01.000|ann|5");
            target.live("bids").end();
            try (ResultSet rows = statement.executeQuery("SELECT STREAM bidder FROM bids")) {
                assertEquals(List.of("ann"), DataPreviewTest.rows(rows));
            }
            try (PreparedStatement prepared = connection.prepareStatement("SELECT STREAM * FROM (SELECT STREAM bidder FROM bids) "
                    + "WHERE bidder <> ?")) {
                statement.execute("DROP STREAM bids");
                statement.execute(BIDS);
                prepared.setQueryTimeout(1);
                prepared.setString(1, "bob");
                try (ResultSet rows = prepared.executeQuery()) {
                    SQLException timedOut = assertThrows(SQLException.class, rows::next);
                    assertEquals("57014", timedOut.getSQLState());
                    assertTrue(timedOut.getMessage().contains("timed out"), timedOut.getMessage());
                }
            }
            target.awaitIdle(TIMEOUT);
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void interruptingAReaderCancelsItsQuery(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect();
             Statement statement = connection.createStatement()) {
            statement.execute(BIDS);
            AtomicReference<Thread> reader = new AtomicReference<>();
            CompletableFuture<SQLException> failure = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try (ResultSet rows = statement.executeQuery("SELECT STREAM bidder FROM bids")) {
                    reader.set(Thread.currentThread());
                    rows.next();
                    failure.complete(null);
                } catch (SQLException e) {
                    failure.complete(Thread.currentThread().isInterrupted() ? e : null);
                }
            });
            thread.start();
            Waiting.until(TIMEOUT, "the query to run", () -> reader.get() != null
                    && !target.engine().queries().list().isEmpty());
            Thread.sleep(200);
            thread.interrupt();
            SQLException cancelled = failure.get(30, TimeUnit.SECONDS);
            assertEquals("57014", cancelled.getSQLState(), String.valueOf(cancelled));
            assertTrue(cancelled.getMessage().contains("interrupted"), cancelled.getMessage());
            thread.join();
            target.awaitIdle(TIMEOUT);
            // the connection goes on
            try (ResultSet rows = statement.executeQuery("SELECT * FROM bids WHERE 1 = 0")) {
                assertEquals(3, rows.getMetaData().getColumnCount());
            }
        }
    }
}
