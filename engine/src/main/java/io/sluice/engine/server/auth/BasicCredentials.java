package io.sluice.engine.server.auth;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A user name and password as HTTP Basic authentication carries them: an {@code Authorization}
 * header {@code Basic base64(name:password)} (RFC 7617), which is what Avatica's client sends with
 * {@code authentication=BASIC}.
 */
public record BasicCredentials(String name, String password) {
    private static final String SCHEME = "basic ";

    public BasicCredentials {
        requireNonNull(name, "name is null");
        requireNonNull(password, "password is null");
    }

    /** The credentials of an {@code Authorization} header, or empty if it is missing or not Basic. */
    public static Optional<BasicCredentials> parse(String header) {
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(SCHEME.length()).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty()
                : Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    /** The header value, for clients and tests. */
    public String header() {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "BasicCredentials[name=" + name + "]";
    }
}
