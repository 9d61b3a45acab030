package io.sluice.jdbc;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Sluice JDBC URL: {@code jdbc:sluice://host[:port][?property=value&...]} for a server, or
 * {@code jdbc:sluice:mem:[name][?property=value&...]} for an engine inside this JVM.
 *
 * @param host       the server's host, or null for an in-process engine
 * @param port       the server's port, or 0 for an in-process engine
 * @param engineName the in-process engine's name ({@code ""} for a private one), or null for a server
 * @param properties the properties written in the URL, in order
 */
record SluiceUrl(String url, String host, int port, String engineName, Map<String, String> properties) {
    static final String PREFIX = "jdbc:sluice:";
    static final int DEFAULT_PORT = 8765;

    private static final String MEM = "mem:";
    private static final Pattern ENGINE_NAME = Pattern.compile("[A-Za-z0-9_.-]*");
    private static final String FORMS = "expected jdbc:sluice://host:port or jdbc:sluice:mem:[name]";

    SluiceUrl {
        requireNonNull(url, "url is null");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    static SluiceUrl parse(String url) throws SQLException {
        if (!accepts(url)) {
            throw invalid(url, "it does not start with " + PREFIX);
        }
        String rest = url.substring(PREFIX.length());
        int question = rest.indexOf('?');
        String target = question < 0 ? rest : rest.substring(0, question);
        Map<String, String> properties = question < 0 ? Map.of() : query(url, rest.substring(question + 1));
        if (target.startsWith(MEM)) {
            String name = target.substring(MEM.length());
            if (!ENGINE_NAME.matcher(name).matches()) {
                throw invalid(url, "the engine name '" + name + "' may only hold letters, digits, '_', '-' and '.'");
            }
            return new SluiceUrl(url, null, 0, name, properties);
        }
        if (!target.startsWith("//")) {
            throw invalid(url, FORMS);
        }
        URI uri;
        try {
            uri = new URI("http:" + target);
        } catch (URISyntaxException e) {
            throw invalid(url, e.getReason());
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            throw invalid(url, "no host name; " + FORMS);
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw invalid(url, "a Sluice server has no path '" + uri.getRawPath() + "'; " + FORMS);
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        return new SluiceUrl(url, uri.getHost(), port, null, properties);
    }

    boolean isEmbedded() {
        return engineName != null;
    }

    /** Where the connection goes, for messages: {@code 127.0.0.1:8765} or {@code in-process engine 'x'}. */
    String describeTarget() {
        if (isEmbedded()) {
            return engineName.isEmpty() ? "a private in-process engine" : "in-process engine '" + engineName + "'";
        }
        return host + ":" + port;
    }

    private static Map<String, String> query(String url, String query) throws SQLException {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw invalid(url, "'" + pair + "' is not of the form property=value");
            }
            String key = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            if (properties.put(key, value) != null) {
                throw invalid(url, "the property '" + key + "' is given twice");
            }
        }
        return properties;
    }

    private static SQLException invalid(String url, String why) {
        return new SQLException("invalid Sluice URL '" + url + "': " + why, SqlErrors.UNABLE_TO_CONNECT);
    }
}
