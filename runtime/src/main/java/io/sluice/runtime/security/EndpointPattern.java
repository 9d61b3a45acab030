package io.sluice.runtime.security;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A network endpoint, or a family of them, a connector may connect to: {@code HOST:PORT} where
 * HOST is a name or address as written ({@code kafka.internal}, {@code 127.0.0.1},
 * {@code [::1]}), {@code *.SUFFIX} for every name under a domain (not the domain itself), or
 * {@code *} for any host, and PORT is a number or {@code *}.
 *
 * <p>Names are compared as written, without case and without a DNS lookup: {@code localhost}
 * and {@code 127.0.0.1} are different endpoints, and what a name resolves to is the business of
 * the operator's DNS.
 *
 * @param host the host as written, in lower case and without brackets; {@code *} or {@code *.suffix}
 * @param port the port, or 0 for any
 */
public record EndpointPattern(String host, int port) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_.:%-]+");

    public EndpointPattern {
        requireNonNull(host, "host is null");
        String name = host.startsWith("*.") ? host.substring(2) : host;
        if (!host.equals("*") && (!NAME.matcher(name).matches() || name.contains("*"))) {
            throw new IllegalArgumentException("'" + host + "' is not a host name, an address, '*' or '*.domain'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535 or '*', not " + port);
        }
    }

    /**
     * Reads {@code HOST:PORT}, e.g. {@code kafka.internal:9092}, {@code *.example.com:*} or
     * {@code [::1]:5432}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static EndpointPattern parse(String text) {
        String trimmed = text.trim();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not HOST:PORT, e.g. kafka.internal:9092 or *.example.com:*");
        }
        String portText = trimmed.substring(colon + 1);
        int port;
        if (portText.equals("*")) {
            port = 0;
        } else {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "': the port '" + portText + "' is not a number or '*'");
            }
            if (port == 0) {
                throw new IllegalArgumentException("'" + text + "': the port must be 1 to 65535 or '*'");
            }
        }
        return new EndpointPattern(hostKey(trimmed.substring(0, colon)), port);
    }

    /** True if a connection to {@code host} (as written in the table's options) on {@code port} is one of these. */
    public boolean matches(String host, int port) {
        if (this.port != 0 && this.port != port) {
            return false;
        }
        if (this.host.equals("*")) {
            return true;
        }
        String key = hostKey(host);
        if (!NAME.matcher(key).matches()) {
            return false;
        }
        if (this.host.startsWith("*.")) {
            String suffix = this.host.substring(1);
            return key.endsWith(suffix) && key.length() > suffix.length();
        }
        return key.equals(this.host);
    }

    /** A host as compared: lower case, an IPv6 address without its brackets. */
    static String hostKey(String host) {
        String key = host.trim().toLowerCase(Locale.ROOT);
        return key.startsWith("[") && key.endsWith("]") ? key.substring(1, key.length() - 1) : key;
    }

    @Override
    public String toString() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return shown + ":" + (port == 0 ? "*" : Integer.toString(port));
    }
}
