package io.sluice.jdbc;

import java.nio.charset.StandardCharsets;
import org.apache.calcite.avatica.Meta;

/**
 * What the Sluice server serves beside Avatica's protocol, on the same port: two small HTTP POST
 * requests whose bodies and answers are UTF-8 text.
 */
public final class SluiceProtocol {
    /**
     * Stops a statement's running query: the body is {@link #cancelBody}; the answer is
     * {@link #OK}, or {@link #UNKNOWN} if the server has no such statement.
     */
    public static final String CANCEL_PATH = "/sluice/cancel";

    /**
     * Tells the server that a connection's client is alive: the body is the connection id; the
     * answer is the server's session timeout in milliseconds (0 for none). A client that sends
     * neither this nor any other request for that long has its connection closed.
     */
    public static final String KEEPALIVE_PATH = "/sluice/keepalive";

    public static final String OK = "ok";
    public static final String UNKNOWN = "unknown";

    private SluiceProtocol() {
    }

    public static byte[] cancelBody(Meta.StatementHandle statement) {
        return (statement.connectionId + "\n" + statement.id).getBytes(StandardCharsets.UTF_8);
    }

    /** The statement a cancel request's body names. */
    public static Meta.StatementHandle parseCancelBody(byte[] body) {
        String[] parts = new String(body, StandardCharsets.UTF_8).split("\n", -1);
        try {
            if (parts.length == 2 && !parts[0].isEmpty()) {
                return new Meta.StatementHandle(parts[0], Integer.parseInt(parts[1]), null);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("a cancel request's body is 'connectionId\\nstatementId'");
    }
}
