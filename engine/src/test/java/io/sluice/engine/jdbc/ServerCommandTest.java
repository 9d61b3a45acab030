package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.metrics.Scrape;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    void servesUntilTerminatedThenStopsCleanly(@TempDir Path data) throws Exception {
        try (ChildJvm server = ChildJvm.start(ChildJvm.testClasspath(), List.of(), ServerCommandMain.class.getName(),
                List.of("--port", "0", "--demo", "--session-timeout", "5s", "--data-dir", data.toString()))) {
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
                List.of("--port", "0", "--users", users.toString(), "--data-dir", dir.resolve("data").toString()))) {
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
    void servesPrometheusMetricsOnTheMetricsPort(@TempDir Path data) throws Exception {
        try (ChildJvm server = ChildJvm.start(ChildJvm.testClasspath(), List.of(), ServerCommandMain.class.getName(),
                List.of("--port", "0", "--demo", "--metrics-port", "0", "--data-dir", data.toString()))) {
            String listening = server.awaitLine(TIMEOUT, line -> line.startsWith("Sluice JDBC server listening on "));
            String url = listening.substring("Sluice JDBC server listening on ".length(), listening.indexOf(" (Ctrl-C"));
            String metrics = server.awaitLine(TIMEOUT, line -> line.startsWith("Metrics at ")).substring("Metrics at ".length());
            assertTrue(metrics.matches("http://127\\.0\\.0\\.1:\\d+/metrics"), metrics);
            try (Connection connection = ThinDriver.connect(url); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT STREAM id FROM ticks")) {
                assertTrue(rows.next());
                HttpResponse<String> scraped = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(metrics)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, scraped.statusCode());
                Scrape scrape = Scrape.parse(scraped.body());
                assertTrue(scrape.value("sluice_query_records_out_total", Map.of("kind", "query")).orElseThrow() >= 1,
                        scraped.body());
                assertTrue(scrape.value("jvm_threads_live_threads", Map.of()).orElseThrow() > 0);
            }
            server.terminate();
            assertEquals(143, server.awaitExit(TIMEOUT), server.transcript());
        }
    }

    @Test
    void metricsBeyondLoopbackWithoutAUsersFileAreRefused(@TempDir Path dir) throws Exception {
        try (ChildJvm server = ChildJvm.start(ChildJvm.testClasspath(), List.of(), ServerCommandMain.class.getName(),
                List.of("--port", "0", "--metrics-port", "0", "--metrics-bind", "0.0.0.0", "--data-dir", dir.toString()))) {
            assertEquals(1, server.awaitExit(TIMEOUT), server.transcript());
            assertTrue(server.err().stream().anyMatch(line -> line.startsWith(
                    "sluice server: refusing to serve metrics on 0.0.0.0 without a users file")), server.transcript());
        }
    }

    @Test
    void everyInterfaceWithoutAUsersFileIsRefused(@TempDir Path dir) throws Exception {
        try (ChildJvm server = ChildJvm.start(ChildJvm.testClasspath(), List.of(), ServerCommandMain.class.getName(),
                List.of("--port", "0", "--bind", "0.0.0.0", "--data-dir", dir.toString()))) {
            assertEquals(1, server.awaitExit(TIMEOUT), server.transcript());
            assertTrue(server.err().stream().anyMatch(line -> line.startsWith(
                    "sluice server: refusing to listen on 0.0.0.0 without a users file")), server.transcript());
        }
    }

    @Test
    void aKeyStoreWithoutItsPasswordIsAClearError(@TempDir Path dir) throws Exception {
        try (ChildJvm server = ChildJvm.start(ChildJvm.testClasspath(), List.of(), ServerCommandMain.class.getName(),
                List.of("--port", "0", "--tls-keystore", dir.resolve("server.p12").toString(), "--data-dir",
                        dir.toString()))) {
            assertEquals(1, server.awaitExit(TIMEOUT), server.transcript());
            assertTrue(server.err().stream().anyMatch(line -> line.equals("sluice server: --tls-keystore needs its"
                    + " password: give --tls-keystore-password-file FILE or set SLUICE_TLS_KEYSTORE_PASSWORD")),
                    server.transcript());
        }
    }

    @Test
    void aPortInUseIsAClearError(@TempDir Path data) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ChildJvm server = ChildJvm.start(ChildJvm.testClasspath(), List.of(), ServerCommandMain.class.getName(),
                     List.of("--port", Integer.toString(taken.getLocalPort()), "--data-dir", data.toString()))) {
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

    @Test
    void connectorsUseTheDataDirectoryAndWhatAnArgumentFileAllows(@TempDir Path temp) throws Exception {
        Path data = temp.resolve("data");
        Path shared = Files.createDirectory(temp.resolve("shared"));
        Files.writeString(shared.resolve("prices.csv"), "1,10\n2,20\n");
        Path arguments = Files.writeString(temp.resolve("server.args"), String.join("\n",
                "# the server's access policy",
                "--port 0",
                "--data-dir " + data,
                "--allow-read " + shared,
                "--allow-host '*.kafka.internal:9092'"));
        try (ChildJvm server = ChildJvm.start(ChildJvm.testClasspath(), List.of(), ServerCommandMain.class.getName(),
                List.of("@" + arguments))) {
            String listening = server.awaitLine(TIMEOUT, line -> line.startsWith("Sluice JDBC server listening on "));
            String url = listening.substring("Sluice JDBC server listening on ".length(), listening.indexOf(" (Ctrl-C"));
            assertTrue(Files.isDirectory(data), "the data directory is made");
            Files.writeString(data.resolve("rows.csv"), "1,a\n");
            try (Connection connection = ThinDriver.connect(url); Statement statement = connection.createStatement()) {
                SQLException denied = assertThrows(SQLException.class, () -> statement.execute(
                        "CREATE TABLE secret (line STRING) WITH ('connector' = 'file', 'path' = '/etc/passwd',"
                                + " 'format' = 'csv')"));
                assertEquals("42501", denied.getSQLState());
                assertTrue(denied.getMessage().startsWith("line 1, column 1: access denied: path '/etc/passwd' is"
                        + " outside the directories the server lets connectors read (--allow-read: "), denied.getMessage());
                statement.execute("CREATE TABLE rows_here (id INT, v STRING) WITH ('connector' = 'file',"
                        + " 'path' = 'rows.csv', 'format' = 'csv')");
                statement.execute("CREATE TABLE prices (id INT, p INT) WITH ('connector' = 'file', 'path' = '"
                        + shared.resolve("prices.csv") + "', 'format' = 'csv')");
                SQLException host = assertThrows(SQLException.class, () -> statement.execute(
                        "CREATE STREAM s (w STRING) WITH ('connector' = 'socket', 'hostname' = 'localhost',"
                                + " 'port' = '22', 'format' = 'csv')"));
                assertEquals("42501", host.getSQLState());
                statement.execute("CREATE STREAM k (w STRING) WITH ('connector' = 'socket', 'hostname' ="
                        + " 'b1.kafka.internal', 'port' = '9092', 'format' = 'csv')");
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM rows_here")) {
                    assertTrue(rows.next());
                    assertEquals(1, rows.getLong(1));
                }
                try (ResultSet rows = statement.executeQuery("SELECT SUM(p) FROM prices")) {
                    assertTrue(rows.next());
                    assertEquals(30, rows.getLong(1));
                }
            }
            server.terminate();
            assertEquals(143, server.awaitExit(TIMEOUT), server.transcript());
        }
    }

    @Test
    void allowAllWithOtherAccessOptionsIsAUsageError() throws Exception {
        try (ChildJvm server = ChildJvm.start(ChildJvm.testClasspath(), List.of(), ServerCommandMain.class.getName(),
                List.of("--allow-all", "--allow-read", "/tmp"))) {
            assertEquals(2, server.awaitExit(TIMEOUT), server.transcript());
            assertTrue(server.err().stream().anyMatch(line -> line.contains("--allow-all allows everything")),
                    server.transcript());
        }
    }

    @Test
    void aBadHostPatternIsAUsageError() throws Exception {
        try (ChildJvm server = ChildJvm.start(ChildJvm.testClasspath(), List.of(), ServerCommandMain.class.getName(),
                List.of("--allow-host", "kafka"))) {
            assertEquals(2, server.awaitExit(TIMEOUT), server.transcript());
            assertTrue(server.err().stream().anyMatch(line -> line.contains("'kafka' is not HOST:PORT")),
                    server.transcript());
        }
    }
}
