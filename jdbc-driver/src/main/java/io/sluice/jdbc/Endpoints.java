package io.sluice.jdbc;

import java.sql.SQLException;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.apache.calcite.avatica.ConnectionConfig;

/** Opens the endpoint a URL names: a server, or an engine in this JVM found through its provider. */
final class Endpoints {
    private Endpoints() {
    }

    /** @param settings the connection's Avatica settings, {@link SluiceProperty#SSL_SETTING} among them */
    static Endpoint open(SluiceUrl url, ConnectionConfig config, Properties settings) throws SQLException {
        return url.isEmbedded() ? embedded(url)
                : new RemoteEndpoint(url, config, Boolean.parseBoolean(settings.getProperty(SluiceProperty.SSL_SETTING)));
    }

    private static Endpoint embedded(SluiceUrl url) throws SQLException {
        EmbeddedEngineProvider provider;
        try {
            provider = ServiceLoader.load(EmbeddedEngineProvider.class, Endpoints.class.getClassLoader())
                    .findFirst()
                    .orElseThrow(() -> new SQLException(url.url() + " runs the Sluice engine inside this JVM, but the"
                            + " engine is not on the classpath: add sluice-engine, or connect to a server with"
                            + " jdbc:sluice://host:port", SqlErrors.UNABLE_TO_CONNECT));
        } catch (ServiceConfigurationError e) {
            throw new SQLException("the Sluice engine on the classpath cannot be used through this driver jar ("
                    + e.getMessage() + "); use the driver that comes with the engine", SqlErrors.UNABLE_TO_CONNECT, e);
        }
        try {
            return provider.open(url.engineName());
        } catch (RuntimeException e) {
            throw new SQLException("cannot start " + url.describeTarget() + ": " + e.getMessage(), SqlErrors.UNABLE_TO_CONNECT, e);
        }
    }
}
