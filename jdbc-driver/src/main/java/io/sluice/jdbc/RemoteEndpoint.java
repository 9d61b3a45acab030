package io.sluice.jdbc;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import org.apache.calcite.avatica.ConnectionConfig;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.remote.AvaticaHttpClient;
import org.apache.calcite.avatica.remote.AvaticaHttpClientFactory;
import org.apache.calcite.avatica.remote.AvaticaHttpClientFactoryImpl;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.RemoteProtobufService;
import org.apache.calcite.avatica.remote.Service;

/**
 * A Sluice server over HTTP: Avatica's protobuf requests to its root, Sluice's cancel and
 * keepalive requests beside them (see {@link SluiceProtocol}).
 */
final class RemoteEndpoint implements Endpoint {
    /** Keepalives go out three times per session timeout, but not more often than this. */
    private static final long MIN_KEEPALIVE_MILLIS = 100;

    private final String target;
    private final String user;
    private final Service service;
    private final AvaticaHttpClient cancels;
    private final AvaticaHttpClient keepalives;
    private volatile ScheduledFuture<?> keepalive;

    /** @param tls whether to connect over TLS (https) */
    RemoteEndpoint(SluiceUrl url, ConnectionConfig config, boolean tls) throws SQLException {
        this.target = url.describeTarget();
        this.user = config.avaticaUser();
        URL base;
        try {
            base = new URL(tls ? "https" : "http", url.host(), url.port(), "/");
            AvaticaHttpClientFactory clients = AvaticaHttpClientFactoryImpl.getInstance();
            this.service = new RemoteProtobufService(clients.getClient(base, config, null),
                    new ClientProtobufTranslation(new ProtobufTranslationImpl()));
            this.cancels = clients.getClient(new URL(base, SluiceProtocol.CANCEL_PATH), config, null);
            this.keepalives = clients.getClient(new URL(base, SluiceProtocol.KEEPALIVE_PATH), config, null);
        } catch (MalformedURLException e) {
            throw new SQLException("invalid Sluice URL '" + url.url() + "': " + e.getMessage(), SqlErrors.UNABLE_TO_CONNECT, e);
        }
    }

    @Override
    public Service service() {
        return service;
    }

    @Override
    public void cancel(Meta.StatementHandle statement) {
        cancels.send(SluiceProtocol.cancelBody(statement));
    }

    /** Learns the server's session timeout from a first keepalive, then keeps the connection alive. */
    @Override
    public void opened(String connectionId) {
        long timeoutMillis = keepAlive(connectionId);
        if (timeoutMillis > 0) {
            keepalive = DriverTimer.every(Math.max(timeoutMillis / 3, MIN_KEEPALIVE_MILLIS), () -> {
                try {
                    keepAlive(connectionId);
                } catch (RuntimeException e) {
                    // The server is unreachable: the connection's next request will say so.
                }
            });
        }
    }

    private long keepAlive(String connectionId) {
        String answer;
        try {
            answer = new String(keepalives.send(connectionId.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            ServerError refused = HttpRefusals.of(e, target, user);
            throw refused != null ? refused : e;
        }
        try {
            return Long.parseLong(answer.trim());
        } catch (NumberFormatException e) {
            throw new ServerError("the server at " + target + " answered a keepalive with '" + answer
                    + "'; is it a Sluice server of the same version?", SqlErrors.CONNECTION_FAILURE, 0, e);
        }
    }

    @Override
    public void close() {
        ScheduledFuture<?> future = keepalive;
        if (future != null) {
            future.cancel(false);
        }
    }
}
