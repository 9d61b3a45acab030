package io.sluice.engine.server;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.server.auth.Users;
import java.time.Duration;
import java.util.Optional;

/**
 * How a JDBC server listens and whom it lets in.
 *
 * @param bindAddress    the address to listen on, e.g. {@code 127.0.0.1}, or {@code 0.0.0.0} for all
 * @param port           the port, or 0 for any free one
 * @param sessionTimeout how long a client may send nothing (no request, no keepalive) before its
 *                       connection is closed and its queries stopped; zero for never
 * @param users          the users who may connect, each request authenticated with HTTP Basic; empty
 *                       to serve every client as the local user, which only a loopback address allows
 * @param tls            the key store to serve HTTPS with; empty for plain HTTP
 * @param limits         what one client may take of the HTTP server
 */
public record JdbcServerConfig(String bindAddress, int port, Duration sessionTimeout, Optional<Users> users,
                               Optional<TlsKeyStore> tls, HttpLimits limits) {
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(60);

    public JdbcServerConfig {
        requireNonNull(bindAddress, "bindAddress is null");
        requireNonNull(sessionTimeout, "sessionTimeout is null");
        requireNonNull(users, "users is null");
        requireNonNull(tls, "tls is null");
        requireNonNull(limits, "limits is null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
        }
        if (sessionTimeout.isNegative()) {
            throw new IllegalArgumentException("the session timeout must not be negative: " + sessionTimeout);
        }
    }

    /** No users file, no TLS, the default limits. */
    public JdbcServerConfig(String bindAddress, int port, Duration sessionTimeout) {
        this(bindAddress, port, sessionTimeout, Optional.empty(), Optional.empty(), HttpLimits.DEFAULTS);
    }

    /** Loopback, any free port, the default session timeout: for tests and embedding. */
    public static JdbcServerConfig loopback() {
        return new JdbcServerConfig("127.0.0.1", 0, DEFAULT_SESSION_TIMEOUT);
    }

    public JdbcServerConfig withSessionTimeout(Duration timeout) {
        return new JdbcServerConfig(bindAddress, port, timeout, users, tls, limits);
    }

    public JdbcServerConfig withUsers(Users newUsers) {
        return new JdbcServerConfig(bindAddress, port, sessionTimeout, Optional.of(newUsers), tls, limits);
    }

    public JdbcServerConfig withTls(TlsKeyStore keyStore) {
        return new JdbcServerConfig(bindAddress, port, sessionTimeout, users, Optional.of(keyStore), limits);
    }

    public JdbcServerConfig withLimits(HttpLimits newLimits) {
        return new JdbcServerConfig(bindAddress, port, sessionTimeout, users, tls, newLimits);
    }
}
