package io.sluice.engine.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The server's own short plain-text answers (never a stack trace): errors of HTTP, not of SQL. */
final class ServerAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(ServerAnswers.class);
    static final int REQUEST_TIMEOUT = 408;
    static final int PAYLOAD_TOO_LARGE = 413;

    private ServerAnswers() {
    }

    static void tooLarge(ServletResponse response, long limit) {
        // The rest of the body is not read: the connection closes after the answer.
        ((HttpServletResponse) response).setHeader("Connection", "close");
        text(response, PAYLOAD_TOO_LARGE, "the request is larger than this server accepts (" + limit
                + " bytes; sluice server --max-request-bytes)");
    }

    static void slowOrBroken(ServletResponse response) {
        ((HttpServletResponse) response).setHeader("Connection", "close");
        text(response, REQUEST_TIMEOUT, "the request body arrived too slowly, or not at all");
    }

    /** Answers with a status and a line of text, unless an answer has begun already. */
    static void text(ServletResponse response, int status, String text) {
        if (response.isCommitted()) {
            return;
        }
        try {
            ((HttpServletResponse) response).setStatus(status);
            response.setContentType("text/plain;charset=utf-8");
            response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            response.flushBuffer();
        } catch (IOException | IllegalStateException e) {
            LOG.debug("could not answer HTTP {} ({}): {}", status, text, e.toString());
        }
    }
}
