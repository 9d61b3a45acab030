package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Fifty clients, each with a continuous query of its own, on one server at once. */
@Timeout(180)
class ManyClientsTest {
    private static final int CLIENTS = 50;
    private static final int ROWS = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void fiftyContinuousQueriesAtOnce() throws Exception {
        try (JdbcTarget target = JdbcTarget.remote();
             Connection observer = target.connect()) {
            try (Statement statement = observer.createStatement()) {
                statement.executeUpdate("CREATE STREAM ticks (id BIGINT) WITH ('connector' = 'sequence', 'rows-per-second' = '100')");
            }
            List<Connection> connections = new ArrayList<>();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                CountDownLatch allRunning = new CountDownLatch(CLIENTS);
                CountDownLatch checked = new CountDownLatch(1);
                List<Future<List<Long>>> results = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    Connection connection = target.connect();
                    connections.add(connection);
                    long offset = i * 1000L;
                    results.add(clients.submit(() -> {
                        try (Statement statement = connection.createStatement();
                             ResultSet rows = statement.executeQuery("SELECT STREAM id + " + offset + " FROM ticks")) {
                            List<Long> ids = new ArrayList<>();
                            while (ids.size() < ROWS && rows.next()) {
                                ids.add(rows.getLong(1));
                            }
                            allRunning.countDown();
                            checked.await();
                            return ids;
                        }
                    }));
                }
                allRunning.await();
                assertEquals(CLIENTS, ContinuousResultsTest.runningQueries(observer).size());
                checked.countDown();
                for (int i = 0; i < CLIENTS; i++) {
                    long offset = i * 1000L;
                    assertEquals(LongStream.range(offset, offset + ROWS).boxed().toList(), results.get(i).get());
                }
            } finally {
                clients.shutdownNow();
                for (Connection connection : connections) {
                    close(connection);
                }
            }
            target.awaitIdle(TIMEOUT);
            assertEquals(List.of(), ContinuousResultsTest.runningQueries(observer));
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new AssertionError("closing a client's connection failed", e);
        }
    }
}
