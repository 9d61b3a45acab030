package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.server.JdbcServer;
import io.sluice.engine.server.JdbcServerConfig;
import io.sluice.engine.server.auth.BasicCredentials;
import io.sluice.engine.server.auth.TokenHash;
import io.sluice.engine.server.auth.Users;
import io.sluice.jdbc.SluiceProtocol;
import io.sluice.runtime.error.SluiceException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A server with a users file lets in only its users, checking every request, whatever its path. */
@Timeout(120)
class AuthenticationTest {
    @TempDir
    Path dir;

    @Test
    void aUserWithTheRightPasswordIsServed() throws Exception {
        try (SecuredServer secured = new SecuredServer(dir);
             Connection alice = secured.connect("alice");
             Statement statement = alice.createStatement()) {
            statement.executeUpdate("CREATE STREAM ticks (id BIGINT) WITH ('connector' = 'sequence', 'rows-per-second' = '100')");
            try (ResultSet rows = statement.executeQuery("SELECT STREAM id FROM ticks")) {
                for (long expected = 0; expected < 3; expected++) {
                    assertTrue(rows.next());
                    assertEquals(expected, rows.getLong(1));
                }
                // Cancel is a request of its own, authenticated as well: it reaches the query.
                statement.cancel();
                SQLException cancelled = assertThrows(SQLException.class, () -> {
                    while (rows.next()) {
                        rows.getLong(1);
                    }
                });
                assertEquals("57014", cancelled.getSQLState(), cancelled.getMessage());
            }
        }
    }

    @Test
    void aWrongPasswordIsRefusedWith28000() throws Exception {
        try (SecuredServer secured = new SecuredServer(dir)) {
            SQLException refused = assertThrows(SQLException.class, () -> secured.connect("alice", "bob-secret"));
            assertEquals("28000", refused.getSQLState(), refused.getMessage());
            assertTrue(refused.getMessage().contains("refused the login of user 'alice': wrong user name or password"),
                    refused.getMessage());
            assertFalse(refused.getMessage().contains("bob-secret"), refused.getMessage());
            SQLException unknown = assertThrows(SQLException.class, () -> secured.connect("mallory", "x"));
            assertEquals("28000", unknown.getSQLState(), unknown.getMessage());
            assertEquals(0, secured.server.meta().connectionCount());
        }
    }

    @Test
    void aClientWithoutCredentialsIsToldToGiveThem() throws Exception {
        try (SecuredServer secured = new SecuredServer(dir)) {
            SQLException refused = assertThrows(SQLException.class, () -> ThinDriver.connect(secured.server.url()));
            assertEquals("28000", refused.getSQLState(), refused.getMessage());
            assertTrue(refused.getMessage().contains("requires a user name and password: set the connection properties"
                    + " user and password"), refused.getMessage());
        }
    }

    @Test
    void everyPathAnswers401WithAChallengeBeforeServingAnything() throws Exception {
        try (SecuredServer secured = new SecuredServer(dir)) {
            String wrong = "Authorization: " + new BasicCredentials("alice", "nope").header() + "\r\n";
            for (String path : List.of("/", SluiceProtocol.CANCEL_PATH, SluiceProtocol.KEEPALIVE_PATH, "/anything")) {
                for (String credentials : List.of("", wrong)) {
                    String answer = RawHttp.post(secured.port(), path, credentials, "x\n1".getBytes(StandardCharsets.UTF_8));
                    assertEquals(401, RawHttp.status(answer), answer);
                    assertTrue(answer.contains("WWW-Authenticate: Basic realm=\"Sluice\""), answer);
                }
            }
            // The right credentials get through to the keepalive, which answers the session timeout.
            String right = "Authorization: " + new BasicCredentials("bob", "bob-secret").header() + "\r\n";
            String answer = RawHttp.post(secured.port(), SluiceProtocol.KEEPALIVE_PATH, right,
                    "no-such-connection".getBytes(StandardCharsets.UTF_8));
            assertEquals(200, RawHttp.status(answer), answer);
            assertTrue(answer.endsWith("\r\n\r\n" + JdbcServerConfig.DEFAULT_SESSION_TIMEOUT.toMillis()), answer);
        }
    }

    @Test
    void aProgramLogsInWithAToken() throws Exception {
        String token = TokenHash.newToken(new SecureRandom());
        Path users = dir.resolve("tokens.txt");
        Files.writeString(users, Users.line("reporting", TokenHash.of(token), false) + "\n", StandardCharsets.UTF_8);
        try (Engine engine = Engine.create();
             JdbcServer server = JdbcServer.start(engine, JdbcServerConfig.loopback().withUsers(Users.load(users)))) {
            try (Connection connection = ThinDriver.connect(server.url() + "?user=reporting&token=" + token);
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT 1")) {
                assertTrue(rows.next());
            }
            String other = TokenHash.newToken(new SecureRandom());
            SQLException refused = assertThrows(SQLException.class,
                    () -> ThinDriver.connect(server.url() + "?user=reporting&token=" + other));
            assertEquals("28000", refused.getSQLState(), refused.getMessage());
            SQLException noUser = assertThrows(SQLException.class, () -> ThinDriver.connect(server.url() + "?token=" + token));
            assertEquals("08001", noUser.getSQLState(), noUser.getMessage());
            assertTrue(noUser.getMessage().contains("connection property 'token' goes with 'user' and instead of 'password'"),
                    noUser.getMessage());
        }
    }

    @Test
    void withoutAUsersFileOnlyALoopbackAddressIsServed() {
        try (Engine engine = Engine.create()) {
            SluiceException refused = assertThrows(SluiceException.class,
                    () -> JdbcServer.start(engine, new JdbcServerConfig("0.0.0.0", 0, Duration.ofSeconds(60))));
            assertEquals("42501", refused.sqlState());
            assertTrue(refused.getMessage().startsWith("refusing to listen on 0.0.0.0 without a users file"),
                    refused.getMessage());
        }
    }
}
