package io.sluice.engine.server;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.Engine;
import io.sluice.engine.jdbc.EngineMeta;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.server.HttpServer;
import org.apache.calcite.avatica.server.ServerCustomizer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves an engine to JDBC clients ({@code jdbc:sluice://host:port}) over Avatica's protobuf
 * protocol on HTTP, with Sluice's cancel and keepalive requests beside it. Closing the server
 * closes every client's connection and stops its queries; the engine itself stays open.
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
        this.meta = new EngineMeta(requireNonNull(engine, "engine is null"));
        ServerCustomizer<Server> bind = server -> {
            for (Connector connector : server.getConnectors()) {
                ((ServerConnector) connector).setHost(config.bindAddress());
            }
        };
        this.http = new HttpServer.Builder<Server>()
                .withHandler(new SluiceHandler(meta, config.sessionTimeout()))
                .withPort(config.port())
                .withServerCustomizers(List.of(bind), Server.class)
                .build();
        try {
            http.start();
        } catch (RuntimeException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "cannot listen on " + config.bindAddress() + ":" + config.port()
                    + ": " + rootMessage(e), e);
        }
        this.reaper = config.sessionTimeout().isZero() ? null : startReaper();
        LOG.info("JDBC server listening on {}; sessions time out after {} s without a request", url(),
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

    /** The URL clients connect to, e.g. {@code jdbc:sluice://127.0.0.1:8765}. */
    public String url() {
        String host = config.bindAddress().equals("0.0.0.0") ? "localhost" : config.bindAddress();
        return "jdbc:sluice://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
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
