package io.sluice.jdbc;

import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Properties;

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
    USER("user", null, "accepted and ignored: Sluice does not authenticate users yet") {
        @Override
        void apply(String value, Properties avatica) {
        }
    },
    PASSWORD("password", null, "accepted and ignored: Sluice does not authenticate users yet") {
        @Override
        void apply(String value, Properties avatica) {
        }
    };

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

    /** The properties for Avatica's connection, from the URL's and the caller's. */
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
        return avatica;
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
