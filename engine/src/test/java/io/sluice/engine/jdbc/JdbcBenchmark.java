package io.sluice.engine.jdbc;

import io.sluice.engine.Engine;
import io.sluice.engine.Session;
import io.sluice.engine.result.ResultCursor;
import io.sluice.engine.server.JdbcServer;
import io.sluice.engine.server.JdbcServerConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * How fast a continuous query's rows reach one JDBC client: rows per second for narrow rows from a
 * fast bounded source, and how long a row takes to arrive at a low rate, through the thin driver
 * over loopback and through {@code jdbc:sluice:mem:}, with the engine's own cursor for comparison.
 * A program, not a test: see {@code docs/jdbc.md} for how to run it.
 *
 * <p>Arguments: rows (default 5,000,000), fetch size (default 10,000), timed runs (default 3).
 */
public final class JdbcBenchmark {
    private static final String ENGINE = "jdbc:sluice:mem:benchmark";
    private static final String QUERY = "SELECT STREAM id FROM numbers";
    private static final int LATENCY_ROWS = 60;
    private static final int LATENCY_WARMUP_ROWS = 10;

    private JdbcBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000;
        int fetchSize = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Properties properties = new Properties();
        properties.setProperty("fetchSize", Integer.toString(fetchSize));
        System.out.printf(Locale.ROOT, "%,d rows of one BIGINT, fetch size %,d, best of %d runs after a warm-up%n",
                rows, fetchSize, runs);

        // One engine, reached in-process by name and served over loopback.
        try (Connection holder = DriverManager.getConnection(ENGINE)) {
            Engine engine = EmbeddedEngines.find(ENGINE.substring("jdbc:sluice:mem:".length())).orElseThrow();
            try (Statement statement = holder.createStatement()) {
                statement.execute("CREATE STREAM numbers (id BIGINT) WITH ('connector' = 'sequence', 'count' = '" + rows + "')");
                statement.execute("CREATE STREAM ticks (id BIGINT, made TIMESTAMP(3)) WITH ('connector' = 'sequence', "
                        + "'rows-per-second' = '20')");
            }
            try (JdbcServer server = JdbcServer.start(engine, JdbcServerConfig.loopback())) {
                throughput("engine cursor (no JDBC)", rows, runs, () -> engineCursor(engine));
                throughput("thin driver, loopback", rows, runs, () -> read(ThinDriver.connect(server.url(), properties)));
                throughput("jdbc:sluice:mem:", rows, runs, () -> read(DriverManager.getConnection(ENGINE, properties)));
                latency("thin driver, loopback", ThinDriver.connect(server.url(), properties));
                latency("jdbc:sluice:mem:", DriverManager.getConnection(ENGINE, properties));
            }
        }
    }

    /** One run: reads every row and returns how many it read. */
    private interface Run {
        long rows() throws Exception;
    }

    private static void throughput(String name, long expected, int runs, Run run) throws Exception {
        double best = 0;
        for (int i = 0; i <= runs; i++) {
            long start = System.nanoTime();
            long read = run.rows();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (read != expected) {
                throw new IllegalStateException(name + " read " + read + " rows, not " + expected);
            }
            if (i > 0) {
                best = Math.max(best, read / seconds);
            }
        }
        System.out.printf(Locale.ROOT, "%-26s %,14.0f rows/s%n", name, best);
    }

    private static long engineCursor(Engine engine) throws InterruptedException {
        long count = 0;
        long sum = 0;
        try (Session session = engine.newSession(); ResultCursor cursor = session.execute(QUERY).cursor()) {
            List<Object[]> batch;
            while ((batch = cursor.poll(10_000, 1_000)) != null) {
                for (Object[] row : batch) {
                    sum += (Long) row[0];
                    count++;
                }
            }
        }
        return sum >= 0 ? count : -1;
    }

    private static long read(Connection connection) throws SQLException {
        long count = 0;
        long sum = 0;
        try (connection; Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(QUERY)) {
            while (rows.next()) {
                sum += rows.getLong(1);
                count++;
            }
        }
        return sum >= 0 ? count : -1;
    }

    /**
     * Milliseconds from a row being made to the client reading it, at 20 rows a second. The
     * source writes the wall-clock time into {@code made}; read as a number it is that instant.
     */
    private static void latency(String name, Connection connection) throws SQLException {
        List<Long> delays = new ArrayList<>();
        try (connection; Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT STREAM id, made FROM ticks")) {
            while (delays.size() < LATENCY_WARMUP_ROWS + LATENCY_ROWS && rows.next()) {
                delays.add(System.currentTimeMillis() - rows.getLong(2));
            }
        }
        long[] sorted = delays.stream().skip(LATENCY_WARMUP_ROWS).mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-26s latency at 20 rows/s: median %d ms, max %d ms%n", name,
                sorted[sorted.length / 2], sorted[sorted.length - 1]);
    }
}
