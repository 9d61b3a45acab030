package io.sluice.engine.server;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.jdbc.EngineMeta;
import io.sluice.jdbc.SluiceProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.AvaticaProtobufHandler;
import org.eclipse.jetty.server.Request;

/**
 * Avatica's protobuf protocol, and beside it Sluice's cancel and keepalive requests (see
 * {@link SluiceProtocol}).
 */
final class SluiceHandler extends AvaticaProtobufHandler {
    private static final int MAX_CONTROL_BODY = 1024;

    private final EngineMeta meta;
    private final Duration sessionTimeout;

    SluiceHandler(EngineMeta meta, Duration sessionTimeout) {
        super(new LocalService(meta));
        this.meta = requireNonNull(meta, "meta is null");
        this.sessionTimeout = requireNonNull(sessionTimeout, "sessionTimeout is null");
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        switch (target) {
            case SluiceProtocol.CANCEL_PATH -> {
                String answer;
                try {
                    answer = meta.cancel(SluiceProtocol.parseCancelBody(body(request))) ? SluiceProtocol.OK
                            : SluiceProtocol.UNKNOWN;
                } catch (IllegalArgumentException e) {
                    answer(baseRequest, response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
                    return;
                }
                answer(baseRequest, response, HttpServletResponse.SC_OK, answer);
            }
            case SluiceProtocol.KEEPALIVE_PATH -> {
                meta.keepAlive(new String(body(request), StandardCharsets.UTF_8));
                answer(baseRequest, response, HttpServletResponse.SC_OK, Long.toString(sessionTimeout.toMillis()));
            }
            default -> super.handle(target, baseRequest, request, response);
        }
    }

    private static byte[] body(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return in.readNBytes(MAX_CONTROL_BODY);
        }
    }

    private static void answer(Request baseRequest, HttpServletResponse response, int status, String text)
            throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        baseRequest.setHandled(true);
    }
}
