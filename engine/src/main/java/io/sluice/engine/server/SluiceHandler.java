package io.sluice.engine.server;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.jdbc.EngineMeta;
import io.sluice.jdbc.SluiceProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

/**
 * Serves Avatica's protobuf protocol on {@code /} (fetched rows written by {@link FrameEncoder}),
 * and beside it Sluice's cancel and keepalive requests (see {@link SluiceProtocol}).
 */
final class SluiceHandler extends AbstractAvaticaHandler {
    private static final int MAX_CONTROL_BODY = 1024;

    private final EngineMeta meta;
    private final Duration sessionTimeout;
    private final Service service;
    private final ProtobufHandler protobuf;

    SluiceHandler(EngineMeta meta, Duration sessionTimeout) {
        this.meta = requireNonNull(meta, "meta is null");
        this.sessionTimeout = requireNonNull(sessionTimeout, "sessionTimeout is null");
        this.service = new LocalService(meta);
        this.protobuf = new ProtobufHandler(service, new ServerProtobufTranslation(new ProtobufTranslationImpl()),
                NoopMetricsSystem.getInstance());
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!request.getMethod().equals("POST")) {
            answer(baseRequest, response, HttpServletResponse.SC_BAD_REQUEST, "a Sluice server answers POST requests only");
            return;
        }
        switch (target) {
            case SluiceProtocol.CANCEL_PATH -> cancel(baseRequest, request, response);
            case SluiceProtocol.KEEPALIVE_PATH -> {
                meta.keepAlive(new String(body(request, MAX_CONTROL_BODY), StandardCharsets.UTF_8));
                answer(baseRequest, response, HttpServletResponse.SC_OK, Long.toString(sessionTimeout.toMillis()));
            }
            default -> {
                HandlerResponse<byte[]> answer = protobuf.apply(body(request, Integer.MAX_VALUE));
                baseRequest.setHandled(true);
                response.setContentType("application/octet-stream;charset=utf-8");
                response.setStatus(answer.getStatusCode());
                response.getOutputStream().write(answer.getResponse());
            }
        }
    }

    private void cancel(Request baseRequest, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String answer;
        try {
            answer = meta.cancel(SluiceProtocol.parseCancelBody(body(request, MAX_CONTROL_BODY))) ? SluiceProtocol.OK
                    : SluiceProtocol.UNKNOWN;
        } catch (IllegalArgumentException e) {
            answer(baseRequest, response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        answer(baseRequest, response, HttpServletResponse.SC_OK, answer);
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

    private static byte[] body(HttpServletRequest request, int limit) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return in.readNBytes(limit);
        }
    }

    private static void answer(Request baseRequest, HttpServletResponse response, int status, String text)
            throws IOException {
        baseRequest.setHandled(true);
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }
}
