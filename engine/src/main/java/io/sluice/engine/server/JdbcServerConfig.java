package io.sluice.engine.server;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a JDBC server listens.
 *
 * @param bindAddress    the address to listen on, e.g. {@code 127.0.0.1}, or {@code 0.0.0.0} for all
 * @param port           the port, or 0 for any free one
 * @param sessionTimeout how long a client may send nothing (no request, no keepalive) before its
 *                       connection is closed and its queries stopped; zero for never
 */
public record JdbcServerConfig(String bindAddress, int port, Duration sessionTimeout) {
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(60);

    public JdbcServerConfig {
        requireNonNull(bindAddress, "bindAddress is null");
        requireNonNull(sessionTimeout, "sessionTimeout is null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
        }
        if (sessionTimeout.isNegative()) {
            throw new IllegalArgumentException("the session timeout must not be negative: " + sessionTimeout);
        }
    }

    /** Loopback, any free port, the default session timeout: for tests and embedding. */
    public static JdbcServerConfig loopback() {
        return new JdbcServerConfig("127.0.0.1", 0, DEFAULT_SESSION_TIMEOUT);
    }

    public JdbcServerConfig withSessionTimeout(Duration timeout) {
        return new JdbcServerConfig(bindAddress, port, timeout);
    }
}
