package io.sluice.engine.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.job.Statements;
import io.sluice.engine.result.ResultCursor;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.security.AccessPolicy;
import io.sluice.runtime.security.EndpointPattern;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each connector under a closed access policy: what the policy refuses is an error with SQLState
 * 42501 after which the session goes on, and what it allows works as before. The layout: a data
 * directory (read and write, the base of relative paths), {@code in} (read), {@code out}
 * (write), and {@code secret}, which no connector may touch.
 */
@Timeout(120)
class ConnectorAccessTest {
    private static final String SECRET_TEXT = "TOP-SECRET";

    @TempDir
    Path temp;
    private Path data;
    private Path in;
    private Path out;
    private Path secret;
    private Engine engine;
    private Session session;

    @BeforeEach
    void layout() throws IOException {
        Path root = temp.toRealPath();
        data = Files.createDirectory(root.resolve("data"));
        in = Files.createDirectory(root.resolve("in"));
        out = Files.createDirectory(root.resolve("out"));
        secret = Files.createDirectory(root.resolve("secret"));
        Files.write(secret.resolve("secret.csv"), List.of("42," + SECRET_TEXT));
        Files.write(data.resolve("rows.csv"), List.of("1,a", "2,b"));
        Files.write(in.resolve("input.csv"), List.of("1,a", "2,b", "3,c"));
    }

    @AfterEach
    void close() {
        if (engine != null) {
            session.close();
            engine.close();
        }
    }

    private void start(AccessPolicy.Builder policy) {
        AccessPolicy built = policy.build();
        engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(2).withAccessPolicy(built));
        session = engine.newSession();
        session.execute("SET 'table.dml-sync' = 'true'");
    }

    private AccessPolicy.Builder files() {
        return AccessPolicy.closed(data).allowRead(data).allowWrite(data).allowRead(in).allowWrite(out);
    }

    private static String fileTable(String name, Object path) {
        return "CREATE TABLE " + name + " (id INT, v STRING) WITH ('connector' = 'file', 'path' = '" + path
                + "', 'format' = 'csv')";
    }

    @Test
    void aFileOutsideTheDirectoriesIsRefusedAtCreateAndTheSessionGoesOn() throws Exception {
        start(files());
        SluiceException outside = assertDenied(() -> session.execute(fileTable("s", secret.resolve("secret.csv"))));
        assertEquals("line 1, column 1: access denied: path '" + secret.resolve("secret.csv") + "' is outside the"
                + " directories the server lets connectors read (--allow-read: " + data + ", " + in + ") or write"
                + " (--allow-write: " + data + ", " + out + ")", outside.getMessage());
        assertDenied(() -> session.execute(fileTable("s", data + "/../secret/secret.csv")));
        assertDenied(() -> session.execute(fileTable("s", "../secret/secret.csv")));
        assertDenied(() -> session.execute(fileTable("s", "file:" + secret.resolve("secret.csv"))));
        Files.createSymbolicLink(in.resolve("escape"), secret);
        assertDenied(() -> session.execute(fileTable("s", in.resolve("escape/secret.csv"))));
        assertTrue(engine.catalog().find("s").isEmpty());

        // Relative paths resolve against the base directory; files the policy allows read as ever.
        session.execute(fileTable("relative", "rows.csv"));
        assertEquals(List.of("1|a", "2|b"), Statements.sortedRows(session, "SELECT * FROM relative"));
        session.execute(fileTable("input", in.resolve("input.csv")));
        assertEquals(List.of("1|a", "2|b", "3|c"), Statements.sortedRows(session, "SELECT * FROM input"));
    }

    @Test
    void aLinkOutOfAReadDirectoryFailsTheQueryThatListsIt() throws Exception {
        start(files());
        Path directory = Files.createDirectory(in.resolve("parts"));
        Files.write(directory.resolve("a.csv"), List.of("1,a"));
        session.execute(fileTable("parts", directory));
        assertEquals(List.of("1|a"), Statements.rows(session, "SELECT * FROM parts"));
        // A link made after the table was created is found when the directory is listed again.
        Files.createSymbolicLink(directory.resolve("b.csv"), secret.resolve("secret.csv"));
        SluiceException e = assertDenied(() -> Statements.rows(session, "SELECT * FROM parts"));
        assertTrue(e.getMessage().contains("access denied: path '" + directory.resolve("b.csv") + "' is outside the"
                + " directories the server lets connectors read"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET_TEXT), e.getMessage());
        assertEquals(0, Statements.allocated(engine));
    }

    @Test
    void aWriteDirectoryIsWrittenButNotReadAndAReadDirectoryIsReadButNotWritten() throws Exception {
        start(files());
        session.execute(fileTable("input", in.resolve("input.csv")));
        session.execute(fileTable("written", out.resolve("written")));
        Statements.startJob(session, "INSERT INTO written SELECT * FROM input");
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(out.resolve("written"))) {
            for (Path part : parts.toList()) {
                lines.addAll(Files.readAllLines(part));
            }
        }
        lines.sort(null);
        assertEquals(List.of("1,a", "2,b", "3,c"), lines);
        SluiceException read = assertDenied(() -> Statements.rows(session, "SELECT * FROM written"));
        assertTrue(read.getMessage().contains("lets connectors read (--allow-read: " + data + ", " + in + ")"),
                read.getMessage());

        SluiceException write = assertDenied(() -> session.execute("INSERT INTO input SELECT * FROM input"));
        assertEquals("line 1, column 1: access denied: path '" + in.resolve("input.csv") + "' is outside the"
                + " directories the server lets connectors write (--allow-write: " + data + ", " + out + ")",
                write.getMessage());
        assertDenied(() -> session.execute(fileTable("leak", secret.resolve("copy"))));
        assertEquals(List.of("secret.csv"), names(secret));
        assertEquals(0, Statements.allocated(engine));
    }

    @Test
    void aSocketIsOpenedOnlyToAnAllowedEndpoint() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            start(files().allowEndpoint(EndpointPattern.parse("127.0.0.1:" + port)));
            SluiceException other = assertDenied(() -> session.execute(socketTable("elsewhere", "10.1.2.3", port)));
            assertEquals("line 1, column 1: access denied: '10.1.2.3:" + port + "' is not an endpoint the server lets"
                    + " connectors reach (--allow-host: 127.0.0.1:" + port + ")", other.getMessage());
            SluiceException name = assertDenied(() -> session.execute(socketTable("local", "localhost", port)));
            assertTrue(name.getMessage().endsWith("so localhost and 127.0.0.1 are different endpoints"), name.getMessage());
            assertDenied(() -> session.execute(socketTable("ssh", "127.0.0.1", 22)));

            session.execute(socketTable("lines", "127.0.0.1", port));
            try (ResultCursor rows = session.execute("SELECT STREAM w FROM lines").cursor();
                 Socket client = server.accept()) {
                client.getOutputStream().write("hello\nworld\n".getBytes(StandardCharsets.UTF_8));
                client.getOutputStream().flush();
                assertEquals("hello", rows.next()[0]);
                assertEquals("world", rows.next()[0]);
            }
        }
    }

    private static String socketTable(String name, String host, int port) {
        return "CREATE STREAM " + name + " (w VARCHAR) WITH ('connector' = 'socket', 'hostname' = '" + host
                + "', 'port' = '" + port + "', 'format' = 'csv')";
    }

    @Test
    void aJdbcUrlOutsideThePrefixesNeverReachesADriver() throws Exception {
        String h2 = "jdbc:h2:mem:access" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        RecordingDriver recording = new RecordingDriver();
        DriverManager.registerDriver(recording);
        try (Connection database = DriverManager.getConnection(h2); Statement ddl = database.createStatement()) {
            ddl.execute("CREATE TABLE events (id INT, v VARCHAR(10))");
            start(files().allowJdbcUrl(h2));
            SluiceException model = assertDenied(() -> session.execute(jdbcTable("leak",
                    "jdbc:calcite:model=" + secret.resolve("secret.csv"))));
            assertEquals("line 1, column 1: access denied: JDBC URL 'jdbc:calcite:model=" + secret.resolve("secret.csv")
                    + "' is not one the server lets the jdbc connector use: an allowed prefix (--allow-jdbc-url), or one"
                    + " ending in '/' or ':' and then a database name of letters, digits, '_', '.' and '-'",
                    model.getMessage());
            assertDenied(() -> session.execute(jdbcTable("recorded", RecordingDriver.URL)));
            assertDenied(() -> session.execute(jdbcTable("init", h2 + ";INIT=RUNSCRIPT FROM '"
                    + secret.resolve("secret.csv") + "'")));
            assertEquals(0, recording.connects.get(), "a denied URL reached a driver");

            session.execute(fileTable("input", in.resolve("input.csv")));
            session.execute(jdbcTable("events", h2));
            Statements.startJob(session, "INSERT INTO events SELECT * FROM input");
            List<String> rows = new ArrayList<>();
            try (ResultSet result = ddl.executeQuery("SELECT id, v FROM events ORDER BY id")) {
                while (result.next()) {
                    rows.add(result.getInt(1) + "|" + result.getString(2));
                }
            }
            assertEquals(List.of("1|a", "2|b", "3|c"), rows);
        } finally {
            DriverManager.deregisterDriver(recording);
        }
        assertEquals(0, Statements.allocated(engine));
    }

    private static String jdbcTable(String name, String url) {
        return "CREATE TABLE " + name + " (id INT, v STRING) WITH ('connector' = 'jdbc', 'url' = '"
                + url.replace("'", "''") + "', 'table-name' = 'events')";
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static SluiceException assertDenied(Executable statement) {
        SluiceException e = assertThrows(SluiceException.class, statement);
        assertEquals("42501", e.sqlState(), e.getMessage());
        return e;
    }

    /** A driver that counts the connections asked of it, to show that a denied URL reaches none. */
    private static final class RecordingDriver implements Driver {
        static final String URL = "jdbc:recording:anything";
        final AtomicInteger connects = new AtomicInteger();

        @Override
        public Connection connect(String url, Properties info) {
            if (acceptsURL(url)) {
                connects.incrementAndGet();
            }
            return null;
        }

        @Override
        public boolean acceptsURL(String url) {
            return url.startsWith("jdbc:recording:");
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
            return new DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
            return 1;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }
    }
}
