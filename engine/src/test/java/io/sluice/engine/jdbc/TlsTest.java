package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.server.TlsKeyStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server with a key store made by the JDK's keytool serves HTTPS; the driver connects with
 * {@code ssl=true} and a trust store holding the server's certificate, as docs/security.md shows.
 */
@Timeout(180)
class TlsTest {
    private static final String STORE_PASSWORD = "changeit-server";
    private static final String TRUST_PASSWORD = "changeit-client";

    @TempDir
    static Path dir;
    private static Path keyStore;
    private static Path trustStore;

    @BeforeAll
    static void makeStores() throws Exception {
        keyStore = dir.resolve("server.p12");
        trustStore = dir.resolve("client-trust.p12");
        Path certificate = dir.resolve("server.crt");
        keytool("-genkeypair", "-alias", "sluice", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD);
        keytool("-exportcert", "-alias", "sluice", "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD,
                "-rfc", "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "sluice-server", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", TRUST_PASSWORD);
    }

    @Test
    void aClientThatTrustsTheServerIsServedOverTls() throws Exception {
        try (SecuredServer secured = new SecuredServer(dir.resolve("."), config ->
                config.withTls(new TlsKeyStore(keyStore, STORE_PASSWORD)))) {
            assertTrue(secured.server.url().endsWith("?ssl=true"), secured.server.url());
            Properties properties = credentials();
            properties.setProperty("trustStore", trustStore.toString());
            properties.setProperty("trustStorePassword", TRUST_PASSWORD);
            try (Connection connection = ThinDriver.connect(secured.server.url(), properties);
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT 20 + 22")) {
                assertTrue(rows.next());
                assertEquals(42, rows.getInt(1));
            }
        }
    }

    @Test
    void aClientThatDoesNotTrustTheServerCannotConnect() throws Exception {
        try (SecuredServer secured = new SecuredServer(dir.resolve("."), config ->
                config.withTls(new TlsKeyStore(keyStore, STORE_PASSWORD)))) {
            // The JVM's trusted authorities did not sign the server's certificate.
            SQLException untrusted = assertThrows(SQLException.class,
                    () -> ThinDriver.connect(secured.server.url(), credentials()));
            assertEquals("08001", untrusted.getSQLState(), untrusted.getMessage());
            assertTrue(untrusted.getMessage().contains("cannot reach the Sluice server at 127.0.0.1:" + secured.port()),
                    untrusted.getMessage());
        }
    }

    @Test
    @Timeout(30)
    void aClientWithoutSslIsToldToUseIt() throws Exception {
        try (SecuredServer secured = new SecuredServer(dir.resolve("."), config ->
                config.withTls(new TlsKeyStore(keyStore, STORE_PASSWORD)))) {
            String plain = secured.server.url().replace("?ssl=true", "");
            SQLException refused = assertThrows(SQLException.class, () -> ThinDriver.connect(plain, credentials()));
            assertEquals("08001", refused.getSQLState(), refused.getMessage());
            assertTrue(refused.getMessage().contains("speaks TLS only: connect with ssl=true"), refused.getMessage());
        }
    }

    private static Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", "alice");
        properties.setProperty("password", SecuredServer.password("alice"));
        return properties;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
