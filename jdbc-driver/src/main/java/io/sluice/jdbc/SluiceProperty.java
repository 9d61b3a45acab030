package io.sluice.jdbc;

import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The properties a Sluice connection reads, from the URL ({@code ?fetchSize=5000}) or from the
 * {@link Properties} given to {@code DriverManager.getConnection}; the URL wins. A property in the
 * URL that Sluice does not know is an error (it is most likely misspelt); one in the
 * {@code Properties} is ignored, since tools add their own.
 */
enum SluiceProperty {
    FETCH_SIZE("fetchSize", "10000", "rows a result set asks the server for at a time; Statement.setFetchSize overrides it") {
        @Override
        void apply(String value, Properties avatica) throws SQLException {
            avatica.setProperty("fetch_size", Integer.toString(positive(value)));
        }
    },
    TIME_ZONE("timeZone", null, "the zone in which TIMESTAMP values become java.sql.Timestamp objects; the JVM's by default") {
        @Override
        void apply(String value, Properties avatica) throws SQLException {
            try {
                avatica.setProperty("timeZone", ZoneId.of(value).getId());
            } catch (DateTimeException e) {
                throw invalid("is not a time zone (e.g. UTC or Europe/Paris)", value);
            }
        }
    },
    CONNECT_TIMEOUT("connectTimeout", "30000", "milliseconds to wait for the server to accept a connection") {
        @Override
        void apply(String value, Properties avatica) throws SQLException {
            avatica.setProperty("http_connection_timeout", Integer.toString(positive(value)));
        }
    },
    USER("user", null, "the user to log in to a server as (a server with a users file requires it; an"
            + " in-process engine ignores it)") {
        @Override
        void apply(String value, Properties avatica) {
            avatica.setProperty("authentication", "BASIC");
            avatica.setProperty("avatica_user", value);
            if (avatica.getProperty("avatica_password") == null) {
                avatica.setProperty("avatica_password", "");
            }
        }
    },
    PASSWORD("password", null, "the user's password (sent with each request to a server that asks for it;"
            + " use ssl=true beyond this machine)") {
        @Override
        void apply(String value, Properties avatica) {
            avatica.setProperty("avatica_password", value);
        }
    },
    TOKEN("token", null, "a token (from sluice server new-token) to log in with instead of a password; needs user") {
        @Override
        void apply(String value, Properties avatica) {
            avatica.setProperty("avatica_password", value);
        }
    },
    SSL("ssl", "false", "true to connect over TLS (https); the server runs with --tls-keystore") {
        @Override
        void apply(String value, Properties avatica) throws SQLException {
            if (!value.equals("true") && !value.equals("false")) {
                throw invalid("must be true or false", value);
            }
            avatica.setProperty(SSL_SETTING, value);
        }
    },
    TRUST_STORE("trustStore", null, "a key store file holding the certificates to trust (e.g. the server's own);"
            + " the JVM's trusted authorities by default") {
        @Override
        void apply(String value, Properties avatica) {
            avatica.setProperty("truststore", value);
        }
    },
    TRUST_STORE_PASSWORD("trustStorePassword", null, "the trust store's password") {
        @Override
        void apply(String value, Properties avatica) {
            avatica.setProperty("truststore_password", value);
        }
    };

    /** The setting, among Avatica's, that says whether the connection uses TLS. */
    static final String SSL_SETTING = "sluice_ssl";
    /** The settings, among Avatica's, that hold a secret: a password or token, the trust store's password. */
    static final Set<String> SECRET_SETTINGS = Set.of("avatica_password", "truststore_password");

    private final String key;
    private final String defaultValue;
    private final String description;

    SluiceProperty(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** Writes the Avatica setting this property stands for. */
    abstract void apply(String value, Properties avatica) throws SQLException;

    DriverPropertyInfo info(Properties given) {
        DriverPropertyInfo info = new DriverPropertyInfo(key, given.getProperty(key, defaultValue));
        info.description = description;
        return info;
    }

    /**
     * The properties for Avatica's connection, from the URL's and the caller's. Secrets (passwords)
     * are among them: they stay in the driver (see {@code ClientMeta#openConnection}).
     */
    static Properties resolve(SluiceUrl url, Properties given) throws SQLException {
        for (String key : url.properties().keySet()) {
            if (find(key) == null) {
                throw new SQLException("unknown connection property '" + key + "' in " + url.url() + "; Sluice knows "
                        + known(), SqlErrors.UNABLE_TO_CONNECT);
            }
        }
        Properties avatica = new Properties();
        for (SluiceProperty property : values()) {
            String value = url.properties().get(property.key);
            if (value == null && given != null) {
                value = given.getProperty(property.key);
            }
            if (value == null) {
                value = property.defaultValue;
            }
            if (value != null) {
                property.apply(value, avatica);
            }
        }
        if (isGiven(TOKEN, url, given) && (isGiven(PASSWORD, url, given) || !isGiven(USER, url, given))) {
            throw new SQLException("connection property 'token' goes with 'user' and instead of 'password'",
                    SqlErrors.UNABLE_TO_CONNECT);
        }
        if (avatica.getProperty("truststore") != null && avatica.getProperty("truststore_password") == null) {
            throw new SQLException("connection property 'trustStore' needs 'trustStorePassword'", SqlErrors.UNABLE_TO_CONNECT);
        }
        return avatica;
    }

    private static boolean isGiven(SluiceProperty property, SluiceUrl url, Properties given) {
        return url.properties().containsKey(property.key) || (given != null && given.getProperty(property.key) != null);
    }

    private static SluiceProperty find(String key) {
        for (SluiceProperty property : values()) {
            if (property.key.equals(key)) {
                return property;
            }
        }
        return null;
    }

    private static String known() {
        StringBuilder names = new StringBuilder();
        for (SluiceProperty property : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(property.key);
        }
        return names.toString();
    }

    int positive(String value) throws SQLException {
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("must be a positive integer", value);
    }

    SQLException invalid(String what, String value) {
        return new SQLException(String.format(Locale.ROOT, "connection property '%s' %s, not '%s'", key, what, value),
                SqlErrors.UNABLE_TO_CONNECT);
    }
}
