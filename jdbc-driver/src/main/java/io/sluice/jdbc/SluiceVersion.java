package io.sluice.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of Sluice this driver was built as; the server reports the same for itself. */
public final class SluiceVersion {
    /** The resource Avatica's {@code DriverVersion} and this class read, written by the build. */
    static final String RESOURCE = "io/sluice/jdbc/sluice-jdbc.properties";

    private static final String VERSION = load();

    private SluiceVersion() {
    }

    /** The version, e.g. {@code 0.1.0}. */
    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = SluiceVersion.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the driver jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("product.version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
