package io.sluice.jdbc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server's HTTP answer that is not an Avatica response (a login refused, a request too large),
 * as Avatica's client reports it (a RuntimeException saying {@code got HTTP/401}), made into the
 * error the caller sees, with a SQLState.
 */
final class HttpRefusals {
    private static final Pattern STATUS = Pattern.compile("got HTTP/(\\d{3})");

    private HttpRefusals() {
    }

    /**
     * The error for a failed request, or null if the server did not refuse it with an HTTP status.
     *
     * @param target the server, for messages
     * @param user   the user the connection logs in as, or null if it gives none
     */
    static ServerError of(RuntimeException failure, String target, String user) {
        Matcher status = STATUS.matcher(String.valueOf(failure.getMessage()));
        if (!status.find()) {
            return null;
        }
        return switch (Integer.parseInt(status.group(1))) {
            case 401 -> new ServerError(user == null
                    ? "the Sluice server at " + target + " requires a user name and password: set the connection"
                            + " properties user and password"
                    : "the Sluice server at " + target + " refused the login of user '" + user
                            + "': wrong user name or password", SqlErrors.AUTHENTICATION_FAILED, 0, failure);
            case 413 -> new ServerError("the request is larger than the Sluice server at " + target
                    + " accepts (sluice server --max-request-bytes)", SqlErrors.LIMIT_EXCEEDED, 0, failure);
            case 426 -> new ServerError("the Sluice server at " + target + " speaks TLS only: connect with ssl=true",
                    SqlErrors.UNABLE_TO_CONNECT, 0, failure);
            case 408 -> new ServerError("the Sluice server at " + target + " closed a request that arrived too slowly",
                    SqlErrors.CONNECTION_FAILURE, 0, failure);
            default -> new ServerError("the Sluice server at " + target + " answered HTTP " + status.group(1)
                    + " instead of a response", SqlErrors.CONNECTION_FAILURE, 0, failure);
        };
    }
}
