package io.sluice.engine.server;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sluice.engine.SessionUser;
import io.sluice.engine.jdbc.EngineMeta;
import io.sluice.engine.server.auth.BasicCredentials;
import io.sluice.engine.server.auth.Users;
import io.sluice.jdbc.SluiceProtocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.servlet.AsyncContext;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.calcite.avatica.metrics.MetricsSystem;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.Handler.HandlerResponse;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.ProtobufHandler;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.server.AbstractAvaticaHandler;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Avatica's protobuf protocol on {@code /} (fetched rows written by {@link FrameEncoder}),
 * and beside it Sluice's cancel and keepalive requests (see {@link SluiceProtocol}).
 *
 * <p>Every request, whatever its path, is authenticated before anything else is done with it:
 * with a users file, by HTTP Basic credentials (a request without them, or with wrong ones, is
 * answered 401 with a challenge, which is how Avatica's client learns to send them); without one,
 * as the local user. The request is then served as that user (see {@link EngineMeta#as}). Its
 * body is read without holding a thread (see {@link RequestBody}) and bounded in size.
 */
final class SluiceHandler extends AbstractAvaticaHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SluiceHandler.class);
    private static final int MAX_CONTROL_BODY = 1024;
    private static final int MAX_LOGGED_NAME = 64;
    private static final String CHALLENGE = "Basic realm=\"Sluice\", charset=\"UTF-8\"";

    private final EngineMeta meta;
    private final Duration sessionTimeout;
    private final Optional<Users> users;
    private final long maxRequestBytes;
    private final Service service;
    private final ProtobufHandler protobuf;
    private final Timer statementRequests;
    private final Timer cancelRequests;
    private final Timer keepaliveRequests;
    private final Counter refusedLogins;

    /** @param registry where the requests' count and latency and the refused logins are counted */
    SluiceHandler(EngineMeta meta, Duration sessionTimeout, Optional<Users> users, long maxRequestBytes,
                  MeterRegistry registry) {
        this.meta = requireNonNull(meta, "meta is null");
        this.sessionTimeout = requireNonNull(sessionTimeout, "sessionTimeout is null");
        this.users = requireNonNull(users, "users is null");
        this.maxRequestBytes = maxRequestBytes;
        this.service = new LocalService(meta);
        this.protobuf = new ProtobufHandler(service, new ServerProtobufTranslation(new ProtobufTranslationImpl()),
                NoopMetricsSystem.getInstance());
        this.statementRequests = requestTimer(registry, "protocol");
        this.cancelRequests = requestTimer(registry, "cancel");
        this.keepaliveRequests = requestTimer(registry, "keepalive");
        this.refusedLogins = Counter.builder("sluice.jdbc.logins.refused")
                .description("JDBC requests refused for a wrong user name or password").register(registry);
    }

    /** Requests served and their latency; a fetch's includes its wait for rows (a long poll). */
    private static Timer requestTimer(MeterRegistry registry, String request) {
        return Timer.builder("sluice.jdbc.requests").description("JDBC requests served, and how long each took")
                .tag("request", request).register(registry);
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        baseRequest.setHandled(true);
        if (!request.getMethod().equals("POST")) {
            ServerAnswers.text(response, HttpServletResponse.SC_BAD_REQUEST, "a Sluice server answers POST requests only");
            return;
        }
        if (fromWebPage(request)) {
            LOG.warn("a request from {} that a web page sent (Origin {}, Content-Type {}) is refused",
                    request.getRemoteAddr(), request.getHeader("Origin"), request.getContentType());
            ServerAnswers.text(response, HttpServletResponse.SC_FORBIDDEN,
                    "a Sluice server answers its JDBC driver, not web pages");
            return;
        }
        SessionUser user = authenticate(request);
        if (user == null) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
            ServerAnswers.text(response, HttpServletResponse.SC_UNAUTHORIZED,
                    "this Sluice server requires a user name and password");
            return;
        }
        long limit = target.equals(SluiceProtocol.CANCEL_PATH) || target.equals(SluiceProtocol.KEEPALIVE_PATH)
                ? MAX_CONTROL_BODY : maxRequestBytes;
        if (request.getContentLengthLong() > limit) {
            ServerAnswers.tooLarge(response, limit);
            return;
        }
        AsyncContext async = request.startAsync();
        // The body's arrival is bounded by the connector's idle timeout and minimum data rate;
        // serving it (a fetch waits for rows) by the session's own rules.
        async.setTimeout(0);
        RequestBody.read(async, limit, body -> serve(target, user, body, response));
    }

    /**
     * Whether a browser sent the request, on behalf of a page of any site (a loopback server
     * without users would run its SQL as the local user). A browser sends {@code Origin} with a
     * POST, and may send one to another site without asking first only with a form's or text's
     * content type; the driver sends neither, and always {@code application/octet-stream}.
     */
    private static boolean fromWebPage(HttpServletRequest request) {
        String type = request.getContentType();
        return request.getHeader("Origin") != null || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("application/octet-stream");
    }

    private SessionUser authenticate(HttpServletRequest request) {
        if (users.isEmpty()) {
            return SessionUser.LOCAL;
        }
        Optional<BasicCredentials> credentials = BasicCredentials.parse(request.getHeader("Authorization"));
        if (credentials.isEmpty()) {
            LOG.debug("a request from {} without credentials is asked for them", request.getRemoteAddr());
            return null;
        }
        Optional<SessionUser> user = users.get().authenticate(credentials.get().name(), credentials.get().password());
        if (user.isEmpty()) {
            refusedLogins.increment();
            LOG.warn("login refused: user '{}' from {}:{} gave a wrong user name or password",
                    printable(credentials.get().name()), request.getRemoteAddr(), request.getRemotePort());
            return null;
        }
        return user.get();
    }

    private void serve(String target, SessionUser user, byte[] body, HttpServletResponse response) {
        long start = System.nanoTime();
        try {
            switch (target) {
                case SluiceProtocol.CANCEL_PATH -> cancel(user, body, response);
                case SluiceProtocol.KEEPALIVE_PATH -> {
                    String connectionId = new String(body, StandardCharsets.UTF_8);
                    meta.as(user, () -> meta.keepAlive(connectionId));
                    ServerAnswers.text(response, HttpServletResponse.SC_OK, Long.toString(sessionTimeout.toMillis()));
                }
                default -> {
                    HandlerResponse<byte[]> answer = meta.as(user, () -> protobuf.apply(body));
                    response.setContentType("application/octet-stream;charset=utf-8");
                    response.setStatus(answer.getStatusCode());
                    response.getOutputStream().write(answer.getResponse());
                }
            }
        } catch (IOException e) {
            LOG.debug("could not answer a request of user {}: {}", user.name(), e.toString());
        } catch (RuntimeException e) {
            LOG.error("serving a request of user {} failed (this is a bug)", user.name(), e);
            ServerAnswers.text(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    "internal error in the Sluice server (this is a bug; the server's log has its details)");
        } finally {
            Timer timer = switch (target) {
                case SluiceProtocol.CANCEL_PATH -> cancelRequests;
                case SluiceProtocol.KEEPALIVE_PATH -> keepaliveRequests;
                default -> statementRequests;
            };
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private void cancel(SessionUser user, byte[] body, HttpServletResponse response) {
        String answer;
        try {
            answer = meta.as(user, () -> meta.cancel(SluiceProtocol.parseCancelBody(body))) ? SluiceProtocol.OK
                    : SluiceProtocol.UNKNOWN;
        } catch (IllegalArgumentException e) {
            ServerAnswers.text(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        ServerAnswers.text(response, HttpServletResponse.SC_OK, answer);
    }

    @Override
    public void setServerRpcMetadata(Service.RpcMetadataResponse metadata) {
        service.setRpcMetadata(metadata);
        protobuf.setRpcMetadata(metadata);
    }

    @Override
    public MetricsSystem getMetrics() {
        return NoopMetricsSystem.getInstance();
    }

    /** A name as a log may show it: short, on one line. */
    private static String printable(String name) {
        String shown = name.length() > MAX_LOGGED_NAME ? name.substring(0, MAX_LOGGED_NAME) + "..." : name;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
