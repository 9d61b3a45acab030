package io.sluice.engine.job;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.sluice.engine.Engine;
import io.sluice.engine.Session;
import io.sluice.engine.StatementResult;
import io.sluice.engine.result.ResultCursor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Running statements in tests and reading their rows as text, {@code a|1|NULL}. */
public final class Statements {
    private static final long TIMEOUT_MILLIS = 60_000;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private Statements() {
    }

    /** Every row of a query (which must end), formatted. */
    public static List<String> rows(Session session, String sql) throws InterruptedException {
        List<String> rows = new ArrayList<>();
        try (ResultCursor cursor = session.execute(sql).cursor()) {
            while (true) {
                List<Object[]> batch = cursor.poll(1000, TIMEOUT_MILLIS);
                if (batch == null) {
                    return rows;
                }
                if (batch.isEmpty()) {
                    fail("no row and no end within " + TIMEOUT_MILLIS + " ms: " + sql);
                }
                for (Object[] row : batch) {
                    rows.add(format(row));
                }
            }
        }
    }

    /** Every row of a query, sorted, for results whose order is not defined. */
    public static List<String> sortedRows(Session session, String sql) throws InterruptedException {
        List<String> rows = rows(session, sql);
        rows.sort(null);
        return rows;
    }

    public static String format(Object[] row) {
        StringJoiner text = new StringJoiner("|");
        for (Object value : row) {
            text.add(value == null ? "NULL"
                    : value instanceof LocalDateTime timestamp ? TIMESTAMP.format(timestamp)
                    : value.toString());
        }
        return text.toString();
    }

    /** Runs a statement that starts a job and returns the job. */
    public static BackgroundJob startJob(Session session, String sql) {
        StatementResult result = session.execute(sql);
        String id = result.message();
        assertNotNull(id, "the statement gave no job id: " + sql);
        return session.engine().jobs().find(id).orElseThrow(() -> new AssertionError("no job " + id));
    }

    /** Waits for a condition that another thread makes true, failing after a generous timeout. */
    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    /** The rows of the part files a file sink made visible in a directory (hidden ones start with a dot), sorted. */
    public static List<String> committedRows(Path directory) throws IOException {
        List<String> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                rows.addAll(Files.readAllLines(file));
            }
        }
        rows.sort(null);
        return rows;
    }

    /** The engine's memory is all free: every query and job has released what it held. */
    public static long allocated(Engine engine) {
        return engine.allocator().getAllocatedMemory();
    }
}
