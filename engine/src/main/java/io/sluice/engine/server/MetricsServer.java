package io.sluice.engine.server;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sluice.engine.Engine;
import io.sluice.engine.server.auth.Users;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the engine's metrics in Prometheus's text format at {@code /metrics}, on a port of its
 * own (the JDK's HTTP server). On a loopback address it is open to the machine's users; on any
 * other it requires the JDBC server's users file and each scrape logs in with HTTP Basic, over TLS
 * when the JDBC server has a key store.
 */
public final class MetricsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);
    public static final String PATH = "/metrics";
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer http;
    private final ExecutorService executor;
    private final boolean tls;

    private MetricsServer(Engine engine, PrometheusMeterRegistry registry, String bindAddress, int port,
                          Optional<Users> users, Optional<TlsKeyStore> keyStore) {
        requireNonNull(engine, "engine is null");
        requireNonNull(registry, "registry is null");
        boolean loopback = JdbcServer.isLoopback(bindAddress);
        if (!loopback && users.isEmpty()) {
            throw new SluiceException(ErrorCode.ACCESS_DENIED, "refusing to serve metrics on " + bindAddress
                    + " without a users file: give --users FILE, or serve them on 127.0.0.1");
        }
        this.tls = keyStore.isPresent();
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(bindAddress), port);
            this.http = keyStore.isPresent() ? httpsServer(address, keyStore.get()) : HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "cannot serve metrics on " + bindAddress + ":" + port + ": "
                    + e.getMessage(), e);
        }
        var context = http.createContext(PATH, exchange -> scrape(exchange, engine, registry));
        if (!loopback) {
            Users logins = users.get();
            context.setAuthenticator(new BasicAuthenticator("Sluice metrics", StandardCharsets.UTF_8) {
                @Override
                public boolean checkCredentials(String name, String password) {
                    boolean known = logins.authenticate(name, password).isPresent();
                    if (!known) {
                        LOG.warn("metrics scrape refused: user '{}' gave a wrong user name or password", name);
                    }
                    return known;
                }
            });
        }
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "sluice-metrics-http");
            thread.setDaemon(true);
            return thread;
        });
        http.setExecutor(executor);
        http.start();
        LOG.info("metrics served at {}{}", url(), loopback ? "" : " to the users of the users file");
    }

    /**
     * Serves {@code registry} (the engine's, see {@link io.sluice.engine.EngineConfig#withMeterRegistry})
     * on {@code bindAddress:port} (port 0 for any free one), with the JDBC server's users and key store.
     *
     * @throws SluiceException if the address is not loopback and there are no users, or it cannot listen
     */
    public static MetricsServer start(Engine engine, PrometheusMeterRegistry registry, String bindAddress, int port,
                                      Optional<Users> users, Optional<TlsKeyStore> keyStore) {
        return new MetricsServer(engine, registry, bindAddress, port, users, keyStore);
    }

    /** The port the server listens on. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** Where Prometheus scrapes, e.g. {@code http://127.0.0.1:8766/metrics}. */
    public String url() {
        String host = http.getAddress().getAddress().getHostAddress();
        return (tls ? "https" : "http") + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + PATH;
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }

    private static void scrape(HttpExchange exchange, Engine engine, PrometheusMeterRegistry registry)
            throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") || !exchange.getRequestURI().getPath().equals(PATH)) {
                answer(exchange, 404, "text/plain; charset=utf-8", "only GET " + PATH + " is served here\n");
                return;
            }
            engine.metrics().refresh();
            answer(exchange, 200, CONTENT_TYPE, registry.scrape());
        } catch (RuntimeException e) {
            LOG.error("serving the metrics failed (this is a bug)", e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** An HTTPS server with the JDBC server's key and certificate. */
    private static HttpServer httpsServer(InetSocketAddress address, TlsKeyStore keyStore) throws IOException {
        try {
            char[] password = keyStore.password().toCharArray();
            KeyStore store = KeyStore.getInstance(keyStore.file().toFile(), password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            HttpsServer server = HttpsServer.create(address, 0);
            server.setHttpsConfigurator(new HttpsConfigurator(context));
            return server;
        } catch (GeneralSecurityException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "cannot read the key store " + keyStore.file() + ": "
                    + e.getMessage(), e);
        }
    }
}
