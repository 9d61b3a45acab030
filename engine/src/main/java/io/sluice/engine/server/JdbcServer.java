package io.sluice.engine.server;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.Engine;
import io.sluice.engine.jdbc.EngineMeta;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.server.HttpServer;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves an engine to JDBC clients ({@code jdbc:sluice://host:port}) over Avatica's protobuf
 * protocol on HTTP or HTTPS, with Sluice's cancel and keepalive requests beside it. With a users
 * file every request is authenticated; without one, every client is the local user, which the
 * server allows only on a loopback address. Closing the server closes every client's connection
 * and stops its queries; the engine itself stays open.
 */
public final class JdbcServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcServer.class);
    /** Idle connections are looked for four times per session timeout, and at most this often. */
    private static final long MIN_REAPER_PERIOD_MILLIS = 50;

    private final JdbcServerConfig config;
    private final EngineMeta meta;
    private final HttpServer http;
    private final ScheduledExecutorService reaper;

    private JdbcServer(Engine engine, JdbcServerConfig config) {
        this.config = requireNonNull(config, "config is null");
        requireNonNull(engine, "engine is null");
        if (config.users().isEmpty() && !isLoopback(config.bindAddress())) {
            throw new SluiceException(ErrorCode.ACCESS_DENIED, "refusing to listen on " + config.bindAddress()
                    + " without a users file: anyone who reaches the port could run statements; give --users FILE"
                    + " (see docs/security.md), or listen on 127.0.0.1");
        }
        if (config.tls().isEmpty() && !isLoopback(config.bindAddress())) {
            LOG.warn("serving {} without TLS: passwords and rows cross the network as they are; give --tls-keystore",
                    config.bindAddress());
        }
        this.meta = new EngineMeta(engine);
        HttpServer.Builder<Server> builder = new HttpServer.Builder<Server>()
                .withHandler(new SluiceHandler(meta, config.sessionTimeout(), config.users(),
                        config.limits().maxRequestBytes(), engine.metrics().registry()))
                .withPort(config.port())
                .withServerCustomizers(List.of(server -> customize(server, config)), Server.class);
        // The key store is its own trust store: the server asks clients for no certificate.
        config.tls().ifPresent(tls -> builder.withTLS(tls.file().toFile(), tls.password(), tls.file().toFile(),
                tls.password()));
        this.http = builder.build();
        try {
            http.start();
        } catch (RuntimeException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "cannot listen on " + config.bindAddress() + ":" + config.port()
                    + ": " + rootMessage(e), e);
        }
        this.reaper = config.sessionTimeout().isZero() ? null : startReaper();
        LOG.info("JDBC server listening on {}{}; {}; sessions time out after {} s without a request", url(),
                config.tls().isPresent() ? " (TLS)" : "", describeAuthentication(config),
                config.sessionTimeout().toMillis() / 1000.0);
    }

    /** Starts serving {@code engine}. */
    public static JdbcServer start(Engine engine, JdbcServerConfig config) {
        return new JdbcServer(engine, config);
    }

    /** The port the server listens on (the one chosen if the config asked for any). */
    public int port() {
        return http.getPort();
    }

    /** Whether clients must log in and use TLS, for the server's start line. */
    public String describeSecurity() {
        return describeAuthentication(config) + (config.tls().isPresent() ? ", over TLS (connect with ssl=true)" : "");
    }

    /**
     * The URL clients connect to, e.g. {@code jdbc:sluice://127.0.0.1:8765}, with
     * {@code ?ssl=true} when the server serves TLS.
     */
    public String url() {
        String host = config.bindAddress().equals("0.0.0.0") ? "localhost" : config.bindAddress();
        return "jdbc:sluice://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port()
                + (config.tls().isPresent() ? "?ssl=true" : "");
    }

    public EngineMeta meta() {
        return meta;
    }

    /** Stops listening, then closes every connection and stops its queries. */
    @Override
    public void close() {
        if (reaper != null) {
            reaper.shutdownNow();
        }
        http.stop();
        int open = meta.connectionCount();
        meta.closeAll("stopped: the server is stopping");
        LOG.info("JDBC server stopped; {} connection{} closed", open, open == 1 ? "" : "s");
    }

    private static String describeAuthentication(JdbcServerConfig config) {
        return config.users()
                .map(users -> "users log in as listed in " + users.file() + " (" + users.size() + " user"
                        + (users.size() == 1 ? "" : "s") + ")")
                .orElse("no users file: every client is the local user, with no password");
    }

    /** Binds the address, and bounds what slow or many clients may take of the server. */
    private static void customize(Server server, JdbcServerConfig config) {
        HttpLimits limits = config.limits();
        for (Connector connector : server.getConnectors()) {
            ServerConnector serverConnector = (ServerConnector) connector;
            serverConnector.setHost(config.bindAddress());
            serverConnector.setIdleTimeout(limits.idleTimeout().toMillis());
            HttpConnectionFactory http = serverConnector.getConnectionFactory(HttpConnectionFactory.class);
            http.getHttpConfiguration().setMinRequestDataRate(limits.minRequestBytesPerSecond());
            SslConnectionFactory tls = serverConnector.getConnectionFactory(SslConnectionFactory.class);
            if (tls != null) {
                serverConnector.addFirstConnectionFactory(new TlsOnlyConnectionFactory(tls));
            }
        }
        server.addBean(new ConnectionLimit(limits.maxConnections(), server));
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowServlet(false);
        server.setErrorHandler(errors);
    }

    static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private ScheduledExecutorService startReaper() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sluice-session-reaper");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(config.sessionTimeout().toMillis() / 4, MIN_REAPER_PERIOD_MILLIS);
        timer.scheduleWithFixedDelay(() -> {
            try {
                meta.closeIdleConnections(config.sessionTimeout());
            } catch (RuntimeException e) {
                LOG.error("closing timed-out connections failed", e);
            }
        }, period, period, TimeUnit.MILLISECONDS);
        return timer;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
