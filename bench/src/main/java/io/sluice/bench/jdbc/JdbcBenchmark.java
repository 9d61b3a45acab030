package io.sluice.bench.jdbc;

import io.sluice.bench.QuietCommand;
import io.sluice.bench.Throughput;
import io.sluice.bench.nexmark.Span;
import io.sluice.engine.Engine;
import io.sluice.engine.Session;
import io.sluice.engine.jdbc.EmbeddedEngines;
import io.sluice.engine.result.ResultCursor;
import io.sluice.engine.server.JdbcServer;
import io.sluice.engine.server.JdbcServerConfig;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How fast a continuous query's rows reach one JDBC client: rows per second of narrow rows (one
 * BIGINT) from a fast bounded source, through the driver over loopback and through
 * {@code jdbc:sluice:mem:}, with the engine's own cursor for comparison; and how long a row made
 * at a low rate takes to reach the client. Client, server and engine share this process.
 */
@Command(name = "JdbcBenchmark", sortOptions = false, usageHelpAutoWidth = true,
        description = "Measures rows per second from a continuous query to one JDBC client, over loopback and "
                + "in-process, and the delay of a row made at a low rate.")
public final class JdbcBenchmark implements Callable<Integer> {
    private static final String ENGINE_NAME = "benchmark";
    private static final String ENGINE_URL = "jdbc:sluice:mem:" + ENGINE_NAME;
    private static final String QUERY = "SELECT STREAM id FROM numbers";
    /** Rows read before the delays count, so that the first connection's set-up is left out. */
    private static final int LATENCY_WARMUP_ROWS = 10;

    @Option(names = "--rows", paramLabel = "N", description = "Rows the query returns in each run (default: 5,000,000).")
    private long rows = 5_000_000;

    @Option(names = "--fetch-size", paramLabel = "N",
            description = "The JDBC fetch size: rows per round trip over loopback (default: 10,000).")
    private int fetchSize = 10_000;

    @Option(names = "--runs", paramLabel = "N", description = "Timed runs of each path; the median is shown (default: 3).")
    private int runs = 3;

    @Option(names = "--warmup-runs", paramLabel = "N", description = "Runs of each path before the timed ones (default: 1).")
    private int warmupRuns = 1;

    @Option(names = "--latency-rows", paramLabel = "N",
            description = "Rows whose delay is measured on each path, after " + LATENCY_WARMUP_ROWS
                    + " rows of warm-up (default: 60; 0 for none).")
    private int latencyRows = 60;

    @Option(names = "--latency-rate", paramLabel = "R",
            description = "Rows per second the source makes while the delay is measured (default: 20).")
    private int latencyRate = 20;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        QuietCommand.run(new JdbcBenchmark(), args);
    }

    /** One run: reads every row of the query and returns how many it read. */
    private interface Run {
        long rows() throws Exception;
    }

    @Override
    public Integer call() throws Exception {
        if (rows < 1 || fetchSize < 1 || runs < 1 || warmupRuns < 0 || latencyRows < 0 || latencyRate < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rows, --fetch-size and --runs must be at "
                    + "least 1, --warmup-runs and --latency-rows at least 0, and --latency-rate at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        Properties properties = new Properties();
        properties.setProperty("fetchSize", Integer.toString(fetchSize));
        out.printf(Locale.ROOT, "%s over %,d rows of one BIGINT to one client, JDBC fetch size %,d%n", QUERY, rows,
                fetchSize);
        out.printf(Locale.ROOT, "Runs: %d timed, after %d for warm-up; the median is shown.%nPer core: rows per CPU "
                + "second of this process, which holds the client, the server and the engine.%n%n", runs, warmupRuns);
        out.printf(Locale.ROOT, "%-28s %14s %16s   %s%n", "path", "rows/s", "rows/s per core", "slowest .. fastest run");
        out.flush();

        // One engine, reached in-process by name and served over loopback.
        try (Connection holder = DriverManager.getConnection(ENGINE_URL)) {
            Engine engine = EmbeddedEngines.find(ENGINE_NAME).orElseThrow();
            try (Statement statement = holder.createStatement()) {
                statement.execute("CREATE STREAM numbers (id BIGINT) WITH ('connector' = 'sequence', 'count' = '"
                        + rows + "')");
                statement.execute("CREATE STREAM ticks (id BIGINT, made TIMESTAMP(3)) WITH ('connector' = 'sequence', "
                        + "'rows-per-second' = '" + latencyRate + "')");
            }
            try (JdbcServer server = JdbcServer.start(engine, JdbcServerConfig.loopback())) {
                throughput(out, "engine cursor (no JDBC)", () -> engineCursor(engine));
                throughput(out, "driver over loopback", () -> read(DriverManager.getConnection(server.url(), properties)));
                throughput(out, "jdbc:sluice:mem:", () -> read(DriverManager.getConnection(ENGINE_URL, properties)));
                if (latencyRows > 0) {
                    out.printf(Locale.ROOT, "%nDelay from a row being made to the client reading it, %,d rows at "
                            + "%,d rows/s%n", latencyRows, latencyRate);
                    latency(out, "driver over loopback", DriverManager.getConnection(server.url(), properties));
                    latency(out, "jdbc:sluice:mem:", DriverManager.getConnection(ENGINE_URL, properties));
                }
            }
        }
        return 0;
    }

    private void throughput(PrintWriter out, String path, Run run) throws Exception {
        List<Span> timed = new ArrayList<>();
        for (int i = 0; i < warmupRuns + runs; i++) {
            Span.Start start = Span.start();
            long read = run.rows();
            Span span = start.stop();
            if (read != rows) {
                throw new IllegalStateException(path + " read " + read + " rows, not " + rows);
            }
            if (i >= warmupRuns) {
                timed.add(span);
            }
        }
        Throughput throughput = new Throughput(rows, timed);
        out.printf(Locale.ROOT, "%-28s %,14.0f %,16.0f   %,.0f .. %,.0f%n", path, throughput.perSecond(),
                throughput.perCore(), throughput.slowestPerSecond(), throughput.fastestPerSecond());
        out.flush();
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
        // The sum is used so that the values are really read.
        return sum >= 0 ? count : -1;
    }

    private static long read(Connection connection) throws SQLException {
        long count = 0;
        long sum = 0;
        try (connection; Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(QUERY)) {
            while (result.next()) {
                sum += result.getLong(1);
                count++;
            }
        }
        return sum >= 0 ? count : -1;
    }

    /**
     * Milliseconds from a row being made to the client reading it. The source writes the
     * wall-clock time into {@code made}; read as a number it is that instant.
     */
    private void latency(PrintWriter out, String path, Connection connection) throws SQLException {
        long[] delays = new long[LATENCY_WARMUP_ROWS + latencyRows];
        int read = 0;
        try (connection; Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT STREAM id, made FROM ticks")) {
            while (read < delays.length && result.next()) {
                delays[read++] = System.currentTimeMillis() - result.getLong(2);
            }
        }
        if (read < delays.length) {
            throw new IllegalStateException(path + " read " + read + " rows of an endless stream, not " + delays.length);
        }
        long[] measured = Arrays.copyOfRange(delays, LATENCY_WARMUP_ROWS, delays.length);
        Arrays.sort(measured);
        out.printf(Locale.ROOT, "%-28s median %d ms, max %d ms%n", path, measured[measured.length / 2],
                measured[measured.length - 1]);
        out.flush();
    }
}
