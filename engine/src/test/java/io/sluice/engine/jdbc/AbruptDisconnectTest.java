package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client killed in the middle of a continuous query: the server stops its query and frees its
 * memory once the session times out, and goes on serving its other clients.
 */
@Timeout(120)
class AbruptDisconnectTest {
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aKilledClientsQueryStopsAfterTheSessionTimeout() throws Exception {
        try (JdbcTarget target = JdbcTarget.remote(SESSION_TIMEOUT);
             Connection observer = target.connect();
             Connection other = target.connect();
             Statement statement = other.createStatement()) {
            statement.executeUpdate("CREATE STREAM ticks (id BIGINT) WITH ('connector' = 'sequence', 'rows-per-second' = '50')");
            ResultSet survivor = statement.executeQuery("SELECT STREAM id FROM ticks");
            assertTrue(survivor.next());

            try (ChildJvm client = ChildJvm.start(List.of(ChildJvm.testClasses(), ThinDriver.jar()), List.of(),
                    ThinClientMain.class.getName(), List.of("stream", target.server().url(),
                            "SELECT STREAM id * 10 FROM ticks"))) {
                client.awaitLine(TIMEOUT, line -> line.equals("row 20"));
                assertEquals(2, ContinuousResultsTest.runningQueries(observer).size());
                client.kill();
            }

            Waiting.until(TIMEOUT, "the killed client's query to stop",
                    () -> ContinuousResultsTest.runningQueries(observer).equals(List.of("SELECT STREAM id FROM ticks")));
            assertEquals(2, target.server().meta().connectionCount(), "the observer and the other client stay connected");

            // The other client is still served, well after its session timeout would have passed.
            long last = survivor.getLong(1);
            for (int i = 0; i < 150; i++) {
                assertTrue(survivor.next());
                assertEquals(++last, survivor.getLong(1));
            }
            survivor.close();
            target.awaitIdle(TIMEOUT);
        }
    }
}
