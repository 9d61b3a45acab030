package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TIMESTAMP, DATE and TIME values read in a JVM whose zone is not UTC (Asia/Kolkata, UTC+05:30):
 * they come back as the same date-time, whichever way JDBC reads them, through the thin driver
 * and in-process. A TIME is a {@code java.sql.Time} of JDBC type TIME, its milliseconds kept.
 */
@Timeout(120)
class TimeZoneTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> EXPECTED = List.of(
            "zone Asia/Kolkata",
            "getTimestamp 2026-03-29 02:30:00.125",
            "getObject 2026-03-29 02:30:00.125",
            "LocalDateTime 2026-03-29T02:30:00.125",
            "getString 2026-03-29 02:30:00.125",
            "getDate 2026-03-29",
            "LocalDate 2026-03-29",
            "TIME column 92 TIME(3) java.sql.Time",
            "getTime 02:30:00 and 125 ms",
            "getObject 02:30:00 java.sql.Time",
            "LocalTime 02:30:00.125",
            "getString 02:30:00.125 23:59:59");

    @Test
    void throughTheThinDriver() throws Exception {
        try (JdbcTarget target = JdbcTarget.remote()) {
            assertEquals(EXPECTED, timestamps(List.of(ChildJvm.testClasses(), ThinDriver.jar()), target.server().url()));
            target.awaitIdle(TIMEOUT);
        }
    }

    @Test
    void inProcess() throws Exception {
        assertEquals(EXPECTED, timestamps(ChildJvm.testClasspath(), "jdbc:sluice:mem:"));
    }

    private static List<String> timestamps(List<Path> classpath, String url) throws InterruptedException {
        try (ChildJvm client = ChildJvm.start(classpath, List.of("-Duser.timezone=Asia/Kolkata"),
                ThinClientMain.class.getName(), List.of("timestamps", url))) {
            assertEquals(0, client.awaitExit(TIMEOUT), client.transcript());
            return client.out();
        }
    }
}
