package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * sqlline, a JDBC tool knowing nothing of Sluice, in a JVM of its own with nothing but the thin
 * driver jar: it lists the streams and a stream's columns, runs a bounded query and a continuous
 * one with a row limit.
 */
@Timeout(120)
class SqllineTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void tablesColumnsAndQueries(@TempDir Path directory) throws Exception {
        try (JdbcTarget target = JdbcTarget.remote()) {
            try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE STREAM bids (auction BIGINT, bidder VARCHAR, price DECIMAL(10, 2), "
                        + "ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'live')");
                statement.executeUpdate("CREATE TABLE numbers (n BIGINT) WITH ('connector' = 'sequence', 'count' = '3')");
            }
            LiveSource bids = target.live("bids");
            bids.addRow("1|ann|12.50|2026-03-29 02:30:00.125");
            bids.addRow("2|bob|7.00|2026-03-29 02:30:01.000");
            bids.addRow("3|cy|9.99|2026-03-29 02:30:02.500");

            Path script = directory.resolve("script.sql");
            Files.writeString(script, String.join("\n",
                    "!tables",
                    "!columns bids",
                    "SELECT n * 10 AS tens FROM numbers;",
                    "SELECT STREAM bidder, price, ts FROM bids WHERE price > 8 LIMIT 2;",
                    "!quit", ""));
            try (ChildJvm sqlline = ChildJvm.start(List.of(jarOf(sqlline.SqlLine.class), jarOf(org.jline.reader.LineReader.class),
                            ThinDriver.jar()), List.of("-Duser.timezone=Asia/Kolkata"), "sqlline.SqlLine",
                    List.of("-u", target.server().url(), "-n", "sluice", "-p", "", "--outputformat=csv",
                            "--showHeader=true", "-f", script.toString()))) {
                assertEquals(0, sqlline.awaitExit(TIMEOUT), sqlline.transcript());
                List<String> out = sqlline.out();
                String transcript = sqlline.transcript();
                assertTrue(out.contains("'','','bids','STREAM','','','','','',''"), transcript);
                assertTrue(out.contains("'','','numbers','TABLE','','','','','',''"), transcript);
                assertTrue(out.stream().anyMatch(l -> l.startsWith("'','','bids','bidder','12','VARCHAR',")), transcript);
                assertTrue(out.stream().anyMatch(l -> l.startsWith("'','','bids','price','3','DECIMAL','10','null','2',")),
                        transcript);
                assertTrue(out.stream().anyMatch(l -> l.startsWith("'','','bids','ts','93','TIMESTAMP','23','null','3',")),
                        transcript);
                assertEquals(List.of("'tens'", "'0'", "'10'", "'20'"), after(out, "'tens'", 4), transcript);
                // sqlline shows a java.sql.Timestamp as its toString() does, without trailing zeros.
                assertEquals(List.of("'bidder','price','ts'", "'ann','12.50','2026-03-29 02:30:00.125'",
                        "'cy','9.99','2026-03-29 02:30:02.5'"), after(out, "'bidder','price','ts'", 3), transcript);
            }
            target.awaitIdle(TIMEOUT);
        }
    }

    /** The {@code count} lines starting at the first that equals {@code first}. */
    private static List<String> after(List<String> lines, String first, int count) {
        int start = lines.indexOf(first);
        if (start < 0 || start + count > lines.size()) {
            return List.of();
        }
        return lines.subList(start, start + count);
    }

    private static Path jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
