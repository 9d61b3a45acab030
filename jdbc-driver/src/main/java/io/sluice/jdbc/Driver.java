package io.sluice.jdbc;

import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.UnregisteredDriver;

/**
 * The Sluice JDBC driver.
 *
 * <ul>
 *   <li>{@code jdbc:sluice://host:port} connects to a server started with {@code sluice server}
 *   (port 8765 if none is given);
 *   <li>{@code jdbc:sluice:mem:} runs a private engine inside this JVM, and
 *   {@code jdbc:sluice:mem:NAME} an engine shared by every connection to NAME, when the Sluice
 *   engine is on the classpath.
 * </ul>
 *
 * Properties go after a {@code ?}, as in {@code jdbc:sluice://localhost:8765?fetchSize=5000}, or in
 * the {@link Properties} given to {@code DriverManager.getConnection}: {@code fetchSize},
 * {@code timeZone}, {@code connectTimeout}, {@code user} and {@code password} (for a server with
 * a users file), {@code ssl}, {@code trustStore} and {@code trustStorePassword} (for TLS). A {@code SELECT STREAM} result set is continuous:
 * {@code next()} waits for the next row, and {@code Statement.cancel()} (from any thread) or
 * closing the result set stops the query on the engine.
 */
public final class Driver extends UnregisteredDriver {
    static {
        new Driver().register();
    }

    public Driver() {
    }

    @Override
    protected String getConnectStringPrefix() {
        return SluiceUrl.PREFIX;
    }

    @Override
    protected DriverVersion createDriverVersion() {
        return DriverVersion.load(Driver.class, SluiceVersion.RESOURCE, "Sluice JDBC Driver", "unknown", "Sluice", "unknown");
    }

    @Override
    protected AvaticaFactory createFactory() {
        return new SluiceFactory();
    }

    @Override
    public Meta createMeta(AvaticaConnection connection) {
        return new ClientMeta((SluiceConnection) connection);
    }

    @Override
    public boolean acceptsURL(String url) {
        return SluiceUrl.accepts(url);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Properties properties = SluiceProperty.resolve(SluiceUrl.parse(url), info);
        SluiceConnection connection = (SluiceConnection) factory.newConnection(this, factory, url, properties);
        connection.open();
        return connection;
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        Properties given = info == null ? new Properties() : info;
        SluiceProperty[] properties = SluiceProperty.values();
        DriverPropertyInfo[] infos = new DriverPropertyInfo[properties.length];
        for (int i = 0; i < properties.length; i++) {
            infos[i] = properties[i].info(given);
        }
        return infos;
    }
}
