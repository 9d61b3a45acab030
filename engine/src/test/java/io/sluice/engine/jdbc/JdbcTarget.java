package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.engine.Engine;
import io.sluice.engine.server.JdbcServer;
import io.sluice.engine.server.JdbcServerConfig;
import io.sluice.planner.catalog.CatalogTable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An engine as a JDBC test reaches it: through the thin driver jar and a server on a free loopback
 * port, or through {@code jdbc:sluice:mem:NAME} in this JVM. Closing it checks what every JDBC test
 * must leave behind, no query running and no memory held, and stops the engine.
 */
public abstract class JdbcTarget implements AutoCloseable {
    private static final AtomicInteger NAMES = new AtomicInteger();

    public abstract Connection connect() throws SQLException;

    public abstract Engine engine();

    /** The remote target's server; fails for an in-process one. */
    abstract JdbcServer server();

    public static JdbcTarget remote() {
        return remote(JdbcServerConfig.DEFAULT_SESSION_TIMEOUT);
    }

    static JdbcTarget remote(Duration sessionTimeout) {
        Engine engine = Engine.create();
        JdbcServer server = JdbcServer.start(engine, JdbcServerConfig.loopback().withSessionTimeout(sessionTimeout));
        return new JdbcTarget() {
            @Override
            public Connection connect() throws SQLException {
                return ThinDriver.connect(server.url());
            }

            @Override
            public Engine engine() {
                return engine;
            }

            @Override
            JdbcServer server() {
                return server;
            }

            @Override
            void stop() {
                server.close();
                engine.close();
            }

            @Override
            public String toString() {
                return "thin driver";
            }
        };
    }

    /** An in-process engine, kept alive by a connection of its own until the target closes. */
    public static JdbcTarget embedded() {
        String url = "jdbc:sluice:mem:test-" + NAMES.incrementAndGet();
        Connection holder;
        try {
            holder = DriverManager.getConnection(url);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open " + url, e);
        }
        Engine engine = EmbeddedEngines.find(url.substring("jdbc:sluice:mem:".length())).orElseThrow();
        return new JdbcTarget() {
            @Override
            public Connection connect() throws SQLException {
                return DriverManager.getConnection(url);
            }

            @Override
            public Engine engine() {
                return engine;
            }

            @Override
            JdbcServer server() {
                throw new UnsupportedOperationException("an in-process engine has no server");
            }

            @Override
            void stop() throws SQLException {
                holder.close();
            }

            @Override
            public String toString() {
                return "jdbc:sluice:mem:";
            }
        };
    }

    abstract void stop() throws SQLException;

    LiveSource live(String table) {
        return (LiveSource) ((CatalogTable) engine().catalog().get(table)).source();
    }

    /** Waits until no query runs and the engine's allocator is empty. */
    void awaitIdle(Duration timeout) {
        Waiting.until(timeout, "no query left running", () -> engine().queries().list().isEmpty());
        Waiting.until(timeout, "the engine's memory to be freed", () -> engine().allocator().getAllocatedMemory() == 0);
    }

    @Override
    public void close() throws SQLException {
        try {
            assertEquals(0, engine().queries().list().size(), "queries left running");
            assertEquals(0, engine().allocator().getAllocatedMemory(), "memory left allocated");
        } finally {
            stop();
        }
    }
}
