package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.server.HttpLimits;
import io.sluice.engine.server.JdbcServer;
import io.sluice.engine.server.JdbcServerConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server bounds what one client may take: request bodies are bounded in size and read without
 * a thread waiting, slow senders are cut off, connections are bounded, and no answer carries a
 * stack trace.
 */
@Timeout(120)
class HttpLimitsTest {
    private static final int LIMIT = 64 * 1024;
    private static final int SLOW_CLIENTS = 100;

    @Test
    void aRequestOverTheLimitIs413AtTheClientAndTheServerGoesOn() throws Exception {
        try (Served served = new Served(limits -> limits.withMaxRequestBytes(LIMIT));
             Connection connection = ThinDriver.connect(served.server.url());
             Statement statement = connection.createStatement()) {
            String big = "SELECT '" + "x".repeat(LIMIT) + "' AS s";
            SQLException tooLarge = assertThrows(SQLException.class, () -> statement.executeQuery(big));
            assertEquals("54000", tooLarge.getSQLState(), tooLarge.getMessage());
            assertTrue(tooLarge.getMessage().contains("larger than the Sluice server at 127.0.0.1:" + served.server.port()
                    + " accepts (sluice server --max-request-bytes)"), tooLarge.getMessage());
            // A request under the limit on the same connection is served.
            try (ResultSet rows = statement.executeQuery("SELECT '" + "y".repeat(LIMIT / 2) + "' AS s")) {
                assertTrue(rows.next());
                assertEquals(LIMIT / 2, rows.getString(1).length());
            }
        }
    }

    @Test
    void aRequestManyTimesTheLimitIsAlso413AtTheClient() throws Exception {
        try (Served served = new Served(limits -> limits.withMaxRequestBytes(LIMIT));
             Connection connection = ThinDriver.connect(served.server.url());
             Statement statement = connection.createStatement()) {
            String huge = "SELECT '" + "x".repeat(64 * LIMIT) + "' AS s";
            SQLException tooLarge = assertThrows(SQLException.class, () -> statement.executeQuery(huge));
            assertEquals("54000", tooLarge.getSQLState(), tooLarge.getMessage());
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitIsAnsweredBeforeTheBodyIsSent() throws Exception {
        try (Served served = new Served(limits -> limits.withMaxRequestBytes(LIMIT));
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), served.server.port())) {
            socket.setSoTimeout(10_000);
            // 100 MB announced, 10 bytes of it sent (Jetty waits for a body's first bytes before it
            // dispatches a request): the answer comes at once.
            socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: localhost\r\n" + RawHttp.CONTENT_TYPE
                    + "Content-Length: 100000000\r\n\r\n"
                    + "0123456789").getBytes(StandardCharsets.US_ASCII));
            String answer = RawHttp.readAll(socket.getInputStream());
            assertEquals(413, RawHttp.status(answer), answer);
            assertTrue(answer.contains("the request is larger than this server accepts (65536 bytes"), answer);
        }
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimit() throws Exception {
        try (Served served = new Served(limits -> limits.withMaxRequestBytes(LIMIT));
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), served.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: localhost\r\n" + RawHttp.CONTENT_TYPE
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[16 * 1024];
            String answer = null;
            // Sends 16 KiB chunks until the server answers; it must answer by the fifth (80 KiB > 64 KiB).
            for (int i = 0; i < 5; i++) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            answer = RawHttp.readAll(socket.getInputStream());
            assertEquals(413, RawHttp.status(answer), answer);
        }
    }

    @Test
    void slowClientsDoNotHoldUpOthers() throws Exception {
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        List<Socket> slow = new ArrayList<>();
        try (Served served = new Served(UnaryOperator.identity())) {
            // The driver loaded and a first query served before the slow clients come: what is
            // timed below is the server, not class loading.
            assertEquals(2, onePlusOne(served));
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), served.server.port());
                slow.add(socket);
                // Half announce a body and trickle it; half trickle their headers.
                String start = i % 2 == 0
                        ? "POST / HTTP/1.1\r\nHost: localhost\r\n" + RawHttp.CONTENT_TYPE + "Content-Length: 100000\r\n\r\n"
                        : "POST / HTTP/1.1\r\nHost: local";
                socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
            }
            trickle.scheduleAtFixedRate(() -> {
                for (Socket socket : slow) {
                    try {
                        socket.getOutputStream().write('h');
                    } catch (IOException e) {
                        // The server cut it off.
                    }
                }
            }, 100, 100, TimeUnit.MILLISECONDS);
            long started = System.nanoTime();
            assertEquals(2, onePlusOne(served));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.out.println("connecting and querying beside " + SLOW_CLIENTS + " slow clients took " + millis + " ms");
            assertTrue(millis < 5000, "a query took " + millis + " ms beside " + SLOW_CLIENTS + " slow clients");
            // The slow body senders are cut off: answered 408 and closed, within seconds.
            for (int i = 0; i < SLOW_CLIENTS; i += 2) {
                Socket socket = slow.get(i);
                socket.setSoTimeout(15_000);
                String answer = RawHttp.readAll(socket.getInputStream());
                assertEquals(408, RawHttp.status(answer), answer);
            }
        } finally {
            trickle.shutdownNow();
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void idleConnectionsAtTheLimitMakeRoomForOthers() throws Exception {
        List<Socket> idle = new ArrayList<>();
        // Connections idle for a second are closed, so waiting ones are let in one round after another.
        try (Served served = new Served(limits -> limits.withMaxConnections(20).withIdleTimeout(Duration.ofSeconds(1)))) {
            for (int i = 0; i < 40; i++) {
                idle.add(new Socket(InetAddress.getLoopbackAddress(), served.server.port()));
            }
            long started = System.nanoTime();
            try (Connection connection = ThinDriver.connect(served.server.url());
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT 6 * 7")) {
                assertTrue(rows.next());
                assertEquals(42, rows.getInt(1));
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(millis < 15_000, "a query took " + millis + " ms beside 40 idle connections over a limit of 20");
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    @Test
    void noAnswerCarriesAStackTrace() throws Exception {
        try (Served served = new Served(UnaryOperator.identity())) {
            List<String> answers = new ArrayList<>();
            // Not protobuf at all; a protobuf message of an unknown name; a GET; a bad cancel body.
            answers.add(RawHttp.post(served.server.port(), "/", "", "not protobuf".getBytes(StandardCharsets.UTF_8)));
            answers.add(RawHttp.post(served.server.port(), "/", "", new byte[] {10, 3, 'a', '.', 'b', 18, 0}));
            answers.add(RawHttp.post(served.server.port(), "/sluice/cancel", "", "x".getBytes(StandardCharsets.UTF_8)));
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), served.server.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                answers.add(RawHttp.readAll(socket.getInputStream()));
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), served.server.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write("BROKEN\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                answers.add(RawHttp.readAll(socket.getInputStream()));
            }
            assertEquals(5, answers.size());
            for (String answer : answers) {
                assertFalse(answer.isEmpty());
                assertFalse(answer.contains("\tat ") || answer.contains(".java:"), answer);
            }
            assertEquals(List.of(500, 500, 400, 400, 400), answers.stream().map(RawHttp::status).toList());
        }
    }

    @Test
    void aRequestAWebPageSentIsRefused() throws Exception {
        try (Served served = new Served(UnaryOperator.identity())) {
            // A page of any site may post to a loopback server: with an Origin, or with a form's or text's type.
            String withOrigin = RawHttp.post(served.server.port(), "/", "Origin: http://attacker.example\r\n", new byte[0]);
            assertEquals(403, RawHttp.status(withOrigin), withOrigin);
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), served.server.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                        + "Content-Type: text/plain\r\nContent-Length: 1\r\n\r\nx").getBytes(StandardCharsets.US_ASCII));
                String asText = RawHttp.readAll(socket.getInputStream());
                assertEquals(403, RawHttp.status(asText), asText);
                assertTrue(asText.endsWith("a Sluice server answers its JDBC driver, not web pages"), asText);
            }
            assertEquals(2, onePlusOne(served), "the driver is served");
        }
    }

    private static int onePlusOne(Served served) throws SQLException {
        try (Connection connection = ThinDriver.connect(served.server.url());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 1 + 1")) {
            assertTrue(rows.next());
            return rows.getInt(1);
        }
    }

    /** A loopback server without users and with these limits. */
    private static final class Served implements AutoCloseable {
        final Engine engine = Engine.create();
        final JdbcServer server;

        Served(UnaryOperator<HttpLimits> limits) {
            server = JdbcServer.start(engine, JdbcServerConfig.loopback().withLimits(limits.apply(HttpLimits.DEFAULTS)));
        }

        @Override
        public void close() {
            server.close();
            engine.close();
        }
    }

}
