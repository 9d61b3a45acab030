package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sluice server} as a process: it serves the demo streams until it is sent SIGTERM (as
 * Ctrl-C or {@code kill} would), then stops its queries and frees all memory before it exits.
 */
@Timeout(120)
class ServerCommandTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void servesUntilTerminatedThenStopsCleanly() throws Exception {
        try (ChildJvm server = ChildJvm.start(ChildJvm.testClasspath(), List.of(), ServerCommandMain.class.getName(),
                List.of("--port", "0", "--demo", "--session-timeout", "5s"))) {
            String listening = server.awaitLine(TIMEOUT, line -> line.startsWith("Sluice JDBC server listening on "));
            String url = listening.substring("Sluice JDBC server listening on ".length(), listening.indexOf(" (Ctrl-C"));
            assertTrue(url.matches("jdbc:sluice://127\\.0\\.0\\.1:\\d+"), url);
            assertTrue(listening.endsWith("; no users file: every client is the local user, with no password"), listening);

            try (Connection connection = ThinDriver.connect(url); Statement statement = connection.createStatement()) {
                ResultSet rows = statement.executeQuery("SELECT STREAM id FROM ticks");
                assertTrue(rows.next());
                assertEquals(0, rows.getLong(1));
                server.terminate();
                assertEquals(143, server.awaitExit(TIMEOUT), server.transcript());
                // The server is gone: the result set fails instead of waiting forever.
                SQLException gone = assertThrows(SQLException.class, () -> {
                    while (rows.next()) {
                        rows.getLong(1);
                    }
                });
                assertTrue(List.of("08006", "57014").contains(gone.getSQLState()), gone.getSQLState() + " " + gone.getMessage());
            } catch (SQLException closing) {
                // Closing a connection to a server that is gone fails; that is expected here.
            }
            String log = String.join("\n", server.err());
            assertTrue(log.contains("stopped: the server is stopping"), server.transcript());
            assertTrue(log.contains("Sluice stopped: every query stopped and all memory freed"), server.transcript());
        }
    }

    @Test
    void withAUsersFileOnlyItsUsersGetInAndRefusalsAreLogged(@TempDir Path dir) throws Exception {
        Path users = SecuredServer.writeUsers(dir);
        try (ChildJvm server = ChildJvm.start(ChildJvm.testClasspath(), List.of(), ServerCommandMain.class.getName(),
                List.of("--port", "0", "--users", users.toString()))) {
            String listening = server.awaitLine(TIMEOUT, line -> line.startsWith("Sluice JDBC server listening on "));
            assertTrue(listening.endsWith("(Ctrl-C to stop); users log in as listed in " + users + " (3 users)"), listening);
            String url = listening.substring("Sluice JDBC server listening on ".length(), listening.indexOf(" (Ctrl-C"));
            Properties wrong = new Properties();
            wrong.setProperty("user", "alice");
            wrong.setProperty("password", "guess-123");
            SQLException refused = assertThrows(SQLException.class, () -> ThinDriver.connect(url, wrong));
            assertEquals("28000", refused.getSQLState(), refused.getMessage());
            Properties right = new Properties();
            right.setProperty("user", "alice");
            right.setProperty("password", SecuredServer.password("alice"));
            try (Connection connection = ThinDriver.connect(url, right); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT 1")) {
                assertTrue(rows.next());
            }
            server.terminate();
            assertEquals(143, server.awaitExit(TIMEOUT), server.transcript());
            String log = String.join("\n", server.err());
            assertTrue(log.contains("login refused: user 'alice' from 127.0.0.1:"), server.transcript());
            assertTrue(log.contains("opened for user alice"), server.transcript());
            assertFalse(log.contains("guess-123") || log.contains(SecuredServer.password("alice")), server.transcript());
        }
    }

    @Test
    void everyInterfaceWithoutAUsersFileIsRefused() throws Exception {
        try (ChildJvm server = ChildJvm.start(ChildJvm.testClasspath(), List.of(), ServerCommandMain.class.getName(),
                List.of("--port", "0", "--bind", "0.0.0.0"))) {
            assertEquals(1, server.awaitExit(TIMEOUT), server.transcript());
            assertTrue(server.err().stream().anyMatch(line -> line.startsWith(
                    "sluice server: refusing to listen on 0.0.0.0 without a users file")), server.transcript());
        }
    }

    @Test
    void aKeyStoreWithoutItsPasswordIsAClearError(@TempDir Path dir) throws Exception {
        try (ChildJvm server = ChildJvm.start(ChildJvm.testClasspath(), List.of(), ServerCommandMain.class.getName(),
                List.of("--port", "0", "--tls-keystore", dir.resolve("server.p12").toString()))) {
            assertEquals(1, server.awaitExit(TIMEOUT), server.transcript());
            assertTrue(server.err().stream().anyMatch(line -> line.equals("sluice server: --tls-keystore needs its"
                    + " password: give --tls-keystore-password-file FILE or set SLUICE_TLS_KEYSTORE_PASSWORD")),
                    server.transcript());
        }
    }

    @Test
    void aPortInUseIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ChildJvm server = ChildJvm.start(ChildJvm.testClasspath(), List.of(), ServerCommandMain.class.getName(),
                     List.of("--port", Integer.toString(taken.getLocalPort())))) {
            assertEquals(1, server.awaitExit(TIMEOUT), server.transcript());
            assertTrue(server.err().stream().anyMatch(line -> line.startsWith("sluice server: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort() + ": ")), server.transcript());
        }
    }

    @Test
    void aBadSessionTimeoutIsAClearError() throws Exception {
        try (ChildJvm server = ChildJvm.start(ChildJvm.testClasspath(), List.of(), ServerCommandMain.class.getName(),
                List.of("--session-timeout", "soon"))) {
            assertEquals(2, server.awaitExit(TIMEOUT), server.transcript());
            assertTrue(server.err().stream().anyMatch(line -> line.contains("'soon' is not a duration such as 60s")),
                    server.transcript());
        }
    }
}
