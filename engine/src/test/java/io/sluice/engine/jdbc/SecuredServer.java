package io.sluice.engine.jdbc;

import io.sluice.engine.Engine;
import io.sluice.engine.server.JdbcServer;
import io.sluice.engine.server.JdbcServerConfig;
import io.sluice.engine.server.auth.PasswordHash;
import io.sluice.engine.server.auth.Users;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * A server on a loopback port that lets in the users of a users file written here: {@code alice}
 * and {@code bob} (users) and {@code root} (admin), each with the password {@code NAME-secret}.
 * The hashes take few iterations, so that tests stay fast; the format is the one operators use.
 */
final class SecuredServer implements AutoCloseable {
    static final int TEST_ITERATIONS = 1000;

    final Path usersFile;
    final Engine engine;
    final JdbcServer server;

    SecuredServer(Path dir, UnaryOperator<JdbcServerConfig> configure) {
        this.usersFile = writeUsers(dir);
        this.engine = Engine.create();
        JdbcServer started;
        try {
            started = JdbcServer.start(engine, configure.apply(JdbcServerConfig.loopback().withUsers(Users.load(usersFile))));
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        this.server = started;
    }

    SecuredServer(Path dir) {
        this(dir, config -> config);
    }

    static String password(String user) {
        return user + "-secret";
    }

    static Path writeUsers(Path dir) {
        SecureRandom random = new SecureRandom();
        List<String> lines = List.of(
                "# test users",
                Users.line("alice", PasswordHash.of(password("alice").toCharArray(), TEST_ITERATIONS, random), false),
                Users.line("bob", PasswordHash.of(password("bob").toCharArray(), TEST_ITERATIONS, random), false),
                "",
                Users.line("root", PasswordHash.of(password("root").toCharArray(), TEST_ITERATIONS, random), true));
        Path file = dir.resolve("users.txt");
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    Connection connect(String user) throws SQLException {
        return connect(user, password(user));
    }

    Connection connect(String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return ThinDriver.connect(server.url(), properties);
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            engine.close();
        }
    }
}
