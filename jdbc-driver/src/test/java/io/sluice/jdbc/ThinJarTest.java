package io.sluice.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The thin driver jar as a tool gets it: self-contained, relocated, registered, and nothing else. */
class ThinJarTest {
    private static final Path JAR = Path.of("target", "sluice-jdbc.jar");

    @Test
    void everyClassIsSluicesOrRelocated() throws IOException {
        List<String> strays = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (JarEntry entry : jar.stream().toList()) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.startsWith("io/sluice/jdbc/")) {
                    strays.add(name);
                }
            }
            assertEquals(List.of(), strays, "classes outside io.sluice.jdbc");
            assertTrue(jar.getEntry("io/sluice/jdbc/shaded/avatica/remote/RemoteProtobufService.class") != null);
            assertTrue(jar.stream().noneMatch(e -> e.getName().contains("arrow") || e.getName().contains("calcite/sql")));
        }
    }

    @Test
    void aToolFindsTheDriverAndNothingElse() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            List<String> drivers = new ArrayList<>();
            for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
                drivers.add(driver.getClass().getName());
            }
            assertEquals(List.of("io.sluice.jdbc.Driver"), drivers);

            Driver driver = ServiceLoader.load(Driver.class, loader).findFirst().orElseThrow();
            assertTrue(driver.acceptsURL("jdbc:sluice://localhost:8765"));
            assertFalse(driver.acceptsURL("jdbc:avatica:remote:url=http://localhost:8765"));
            assertEquals(0, driver.getMajorVersion());
            assertEquals(List.of("fetchSize", "timeZone", "connectTimeout", "user", "password", "token", "ssl", "trustStore",
                    "trustStorePassword"),
                    Arrays.stream(driver.getPropertyInfo("jdbc:sluice://h", new Properties())).map(p -> p.name).toList());

            // No engine can be found next to the thin jar alone.
            SQLException noEngine = assertThrows(SQLException.class, () -> driver.connect("jdbc:sluice:mem:", new Properties()));
            assertEquals("08001", noEngine.getSQLState());
            assertTrue(noEngine.getMessage().contains("the engine is not on the classpath"), noEngine.getMessage());

            // Nothing listens on port 1: the failure says where the driver tried to go.
            SQLException unreachable = assertThrows(SQLException.class,
                    () -> driver.connect("jdbc:sluice://127.0.0.1:1?connectTimeout=2000", new Properties()));
            assertEquals("08001", unreachable.getSQLState());
            assertTrue(unreachable.getMessage().startsWith("cannot connect to 127.0.0.1:1: cannot reach the Sluice server"),
                    unreachable.getMessage());
        }
    }
}
