package io.sluice.engine.jdbc;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The thin driver jar ({@code jdbc-driver/target/sluice-jdbc.jar}) loaded as a tool loads it: in
 * its own class loader whose parent is the platform class loader, so that nothing of the engine's
 * classpath (Avatica, Arrow, Calcite) is visible to it.
 */
final class ThinDriver {
    private static Driver driver;

    private ThinDriver() {
    }

    /** Built by the jdbc-driver module before these tests run; surefire runs them in the engine module's directory. */
    static Path jar() {
        Path jar = Path.of("..", "jdbc-driver", "target", "sluice-jdbc.jar")
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the thin driver jar " + jar + " is missing; build the jdbc-driver module");
        }
        return jar;
    }

    static synchronized Driver driver() {
        if (driver == null) {
            try {
                ClassLoader loader = new URLClassLoader(new URL[] {jar().toUri().toURL()},
                        ClassLoader.getPlatformClassLoader());
                driver = (Driver) Class.forName("io.sluice.jdbc.Driver", true, loader).getConstructor().newInstance();
            } catch (MalformedURLException | ReflectiveOperationException e) {
                throw new IllegalStateException("cannot load the thin driver from " + jar(), e);
            }
        }
        return driver;
    }

    static Connection connect(String url) throws SQLException {
        return connect(url, new Properties());
    }

    static Connection connect(String url, Properties properties) throws SQLException {
        Connection connection = driver().connect(url, properties);
        if (connection == null) {
            throw new IllegalArgumentException("the thin driver does not accept " + url);
        }
        return connection;
    }
}
