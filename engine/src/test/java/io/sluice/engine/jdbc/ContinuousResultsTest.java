package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Continuous result sets: {@code executeQuery} returns before any row exists, {@code next()} waits
 * for each row and returns false only when the source ends, and a cancel, or closing the result set,
 * the statement or the connection, stops the query on the engine and frees its memory.
 */
@Timeout(120)
class ContinuousResultsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String EVENTS = "CREATE STREAM events (ts TIMESTAMP(3), name VARCHAR, n INT) "
            + "WITH ('connector' = 'live')";
    private static final String TICKS = "CREATE STREAM ticks (id BIGINT, made TIMESTAMP(3)) "
            + "WITH ('connector' = 'sequence', 'rows-per-second' = '200')";

    static Stream<Supplier<JdbcTarget>> targets() {
        return Stream.of(JdbcTarget::remote, JdbcTarget::embedded);
    }

    @ParameterizedTest
    @MethodSource("targets")
    void nextWaitsForEachRowAndEndsWithTheSource(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(EVENTS);
            LiveSource events = target.live("events");
            // No row exists yet: the result set still comes back, with its columns.
            ResultSet rows = statement.executeQuery("SELECT STREAM name, n * 2 AS twice FROM events WHERE n > 0");
            assertEquals("twice", rows.getMetaData().getColumnLabel(2));

            CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> next(rows));
            assertFalse(first.isDone(), "next() returned before any row was added");
            events.addRow("2026-01-01 00:00:01.000|skipped|0");
            events.addRow("2026-01-01 00:00:02.000|a|1");
            // This row is the last one for now: it must not wait for another row to follow it.
            assertTrue(first.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            assertEquals("a", rows.getString(1));
            assertEquals(2, rows.getInt(2));

            CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> next(rows));
            events.addRow("2026-01-01 00:00:03.000|b|2");
            assertTrue(second.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            assertEquals("b", rows.getString(1));

            events.end();
            assertFalse(rows.next(), "the result ends when its source ends");
            rows.close();
            target.awaitIdle(TIMEOUT);
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void cancelFromAnotherThreadStopsAWaitingNext(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect();
             Connection observer = target.connect();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(EVENTS);
            ResultSet rows = statement.executeQuery("SELECT STREAM name FROM events");
            CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> next(rows));
            Waiting.until(TIMEOUT, "the query in SHOW QUERIES", () -> runningQueries(observer).size() == 1);
            assertFalse(waiting.isDone());

            statement.cancel();

            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> waiting.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            SQLException cancelled = (SQLException) failure.getCause();
            assertEquals("57014", cancelled.getSQLState(), cancelled.getMessage());
            assertEquals(List.of(), runningQueries(observer));
            target.awaitIdle(TIMEOUT);

            // The statement runs again after a cancel.
            target.live("events").addRow("2026-01-01 00:00:01.000|again|1");
            try (ResultSet again = statement.executeQuery("SELECT STREAM name FROM events")) {
                assertTrue(again.next());
                assertEquals("again", again.getString(1));
            }
            target.awaitIdle(TIMEOUT);
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void closingTheResultSetStopsTheQuery(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect();
             Connection observer = target.connect();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(TICKS);
            ResultSet rows = statement.executeQuery("SELECT STREAM id FROM ticks");
            assertEquals(List.of(0L, 1L, 2L), read(rows, 3));
            assertEquals(1, runningQueries(observer).size());
            rows.close();
            target.awaitIdle(TIMEOUT);
            assertEquals(List.of(), runningQueries(observer));
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void closingTheStatementStopsTheQuery(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect();
             Connection observer = target.connect()) {
            Statement statement = connection.createStatement();
            statement.executeUpdate(TICKS);
            ResultSet rows = statement.executeQuery("SELECT STREAM id FROM ticks");
            assertEquals(List.of(0L, 1L), read(rows, 2));
            statement.close();
            target.awaitIdle(TIMEOUT);
            assertEquals(List.of(), runningQueries(observer));
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void closingTheConnectionStopsItsQueries(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection observer = target.connect()) {
            Connection connection = target.connect();
            Statement first = connection.createStatement();
            first.executeUpdate(TICKS);
            ResultSet one = first.executeQuery("SELECT STREAM id FROM ticks");
            ResultSet two = connection.createStatement().executeQuery("SELECT STREAM id FROM ticks WHERE id % 2 = 1");
            assertEquals(List.of(0L), read(one, 1));
            assertEquals(List.of(1L), read(two, 1));
            assertEquals(2, runningQueries(observer).size());
            connection.close();
            target.awaitIdle(TIMEOUT);
            assertEquals(List.of(), runningQueries(observer));
        }
    }

    @ParameterizedTest
    @MethodSource("targets")
    void executingAgainStopsThePreviousQuery(Supplier<JdbcTarget> targets) throws Exception {
        try (JdbcTarget target = targets.get();
             Connection connection = target.connect();
             Connection observer = target.connect();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(TICKS);
            ResultSet first = statement.executeQuery("SELECT STREAM id FROM ticks");
            assertEquals(List.of(0L), read(first, 1));
            try (ResultSet second = statement.executeQuery("SELECT STREAM id + 100 FROM ticks")) {
                assertTrue(first.isClosed());
                assertEquals(List.of(100L), read(second, 1));
                Waiting.until(TIMEOUT, "only the second query running", () -> runningQueries(observer).size() == 1);
            }
            target.awaitIdle(TIMEOUT);
        }
    }

    private static boolean next(ResultSet rows) {
        try {
            return rows.next();
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
    }

    private static List<Long> read(ResultSet rows, int count) throws SQLException {
        List<Long> values = new ArrayList<>();
        while (values.size() < count && rows.next()) {
            values.add(rows.getLong(1));
        }
        return values;
    }

    /** The statements of the queries SHOW QUERIES lists as running. */
    static List<String> runningQueries(Connection connection) {
        List<String> running = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet queries = statement.executeQuery("SHOW QUERIES")) {
            while (queries.next()) {
                if (queries.getString("state").equals("RUNNING")) {
                    running.add(queries.getString("statement"));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("SHOW QUERIES failed", e);
        }
        return running;
    }
}
