package io.sluice.runtime.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Paths resolved before they are compared, endpoints, JDBC URL prefixes and Kafka properties. */
class AccessPolicyTest {
    @TempDir
    Path temp;
    private Path root;
    private Path data;
    private Path secret;
    private AccessPolicy policy;

    @BeforeEach
    void layout() throws Exception {
        root = temp.toRealPath();
        data = Files.createDirectory(root.resolve("data"));
        secret = Files.createDirectory(root.resolve("secret"));
        Files.writeString(secret.resolve("passwd"), "root:x:0:0");
        Files.writeString(data.resolve("in.csv"), "1,a");
        Files.createDirectory(root.resolve("data2"));
        Files.createDirectory(root.resolve("out"));
        policy = AccessPolicy.closed(data).allowRead(data).allowWrite(root.resolve("out"))
                .allowEndpoint(EndpointPattern.parse("kafka.internal:9092")).allowJdbcUrl("jdbc:h2:tcp://db.internal/")
                .allowKafkaProperty("ssl.truststore.location").build();
    }

    @Test
    void aFileInsideAReadDirectoryIsReadByItsRealPath() {
        assertEquals(data.resolve("in.csv"), policy.checkRead(data.resolve("in.csv")));
        assertEquals(data.resolve("in.csv"), policy.checkRead(Path.of("in.csv")), "relative to the base directory");
        assertEquals(data.resolve("in.csv"), policy.checkRead(data.resolve("./in.csv")));
        assertEquals(data.resolve("not/yet/there.csv"), policy.checkRead(data.resolve("not/yet/there.csv")));
        assertEquals(data, policy.checkRead(data));
    }

    @Test
    void dotDotOutOfTheDirectoryIsRefusedNamingThePathAndTheRule() {
        SluiceException e = assertDenied(() -> policy.checkRead(data.resolve("../secret/passwd")));
        assertEquals("access denied: path '" + secret.resolve("passwd") + "' is outside the directories the server"
                + " lets connectors read (--allow-read: " + data + ")", e.getMessage());
        assertDenied(() -> policy.checkRead(Path.of("../secret/passwd")));
        assertDenied(() -> policy.checkRead(data.resolve("missing/../../secret/passwd")));
        assertDenied(() -> policy.checkRead(Path.of("/etc/passwd")));
    }

    @Test
    void aSiblingWhoseNameStartsLikeTheDirectoryIsOutsideIt() {
        assertDenied(() -> policy.checkRead(root.resolve("data2/x.csv")));
        assertDenied(() -> policy.checkReadOrWrite(root.resolve("data2")));
    }

    @Test
    void symbolicLinksOutOfTheDirectoryAreRefused() throws Exception {
        Files.createSymbolicLink(data.resolve("link-to-secret"), secret);
        Files.createSymbolicLink(data.resolve("passwd-link"), secret.resolve("passwd"));
        Files.createSymbolicLink(data.resolve("dangling"), secret.resolve("new-dir"));
        assertDenied(() -> policy.checkRead(data.resolve("link-to-secret/passwd")));
        assertDenied(() -> policy.checkRead(data.resolve("passwd-link")));
        // A link to what does not exist yet leads where a later write would go.
        assertDenied(() -> policy.checkRead(data.resolve("dangling/part-0")));
        // `..` after a link goes up from the link's target, as the kernel does.
        Files.createDirectory(secret.resolve("sub"));
        Files.createSymbolicLink(data.resolve("link-to-sub"), secret.resolve("sub"));
        assertDenied(() -> policy.checkRead(data.resolve("link-to-sub/../passwd")));
        // Through a name that does not exist and back, to a link: no path the kernel would open, and refused.
        assertDenied(() -> policy.checkRead(data.resolve("missing/../link-to-secret/passwd")));
        assertDenied(() -> policy.checkRead(data.resolve("x/../in.csv")));
    }

    @Test
    void aLinkWithinTheDirectoryOrAnAllowedDirectoryGivenThroughALinkIsAllowed() throws Exception {
        Files.createSymbolicLink(data.resolve("alias.csv"), data.resolve("in.csv"));
        assertEquals(data.resolve("in.csv"), policy.checkRead(data.resolve("alias.csv")));
        Path dataLink = Files.createSymbolicLink(root.resolve("data-link"), data);
        AccessPolicy throughLink = AccessPolicy.closed(root).allowRead(dataLink).build();
        assertEquals(data.resolve("in.csv"), throughLink.checkRead(data.resolve("in.csv")));
        assertEquals(data.resolve("in.csv"), throughLink.checkRead(Path.of("data-link/in.csv")));
    }

    @Test
    void readingAndWritingAreAllowedApart() {
        Path part = root.resolve("out/job-1/part-0");
        assertEquals(part, policy.checkWrite(part));
        SluiceException read = assertDenied(() -> policy.checkRead(part));
        assertTrue(read.getMessage().endsWith("lets connectors read (--allow-read: " + data + ")"), read.getMessage());
        SluiceException write = assertDenied(() -> policy.checkWrite(data.resolve("in.csv")));
        assertEquals("access denied: path '" + data.resolve("in.csv") + "' is outside the directories the server"
                + " lets connectors write (--allow-write: " + root.resolve("out") + ")", write.getMessage());
        policy.checkReadOrWrite(part);
        policy.checkReadOrWrite(data.resolve("in.csv"));
        SluiceException neither = assertDenied(() -> policy.checkReadOrWrite(secret));
        assertEquals("access denied: path '" + secret + "' is outside the directories the server lets connectors read"
                + " (--allow-read: " + data + ") or write (--allow-write: " + root.resolve("out") + ")",
                neither.getMessage());
    }

    @Test
    void endpointsAreCheckedByPatternAndALoopbackRefusalExplainsNames() {
        policy.checkEndpoint("kafka.internal", 9092);
        SluiceException other = assertDenied(() -> policy.checkEndpoint("evil.com", 22));
        assertEquals("access denied: 'evil.com:22' is not an endpoint the server lets connectors reach"
                + " (--allow-host: kafka.internal:9092)", other.getMessage());
        SluiceException local = assertDenied(() -> policy.checkEndpoint("localhost", 9092));
        assertTrue(local.getMessage().endsWith("so localhost and 127.0.0.1 are different endpoints"), local.getMessage());
    }

    @Test
    void jdbcUrlsMustBeAPrefixOrAPrefixAndOneName() {
        policy.checkJdbcUrl("jdbc:h2:tcp://db.internal/app");
        policy.checkJdbcUrl("jdbc:h2:tcp://db.internal/");
        SluiceException calcite = assertDenied(() -> policy.checkJdbcUrl("jdbc:calcite:model=/etc/passwd"));
        assertEquals("access denied: JDBC URL 'jdbc:calcite:model=/etc/passwd' is not one the server lets the jdbc"
                + " connector use: an allowed prefix (--allow-jdbc-url), or one ending in '/' or ':' and then a database"
                + " name of letters, digits, '_', '.' and '-'", calcite.getMessage());
        assertDenied(() -> policy.checkJdbcUrl("jdbc:h2:tcp://db.internal/app;INIT=RUNSCRIPT FROM '/etc/passwd'"));
        assertDenied(() -> policy.checkJdbcUrl("jdbc:h2:tcp://db.internal/app?x=1"));
        assertDenied(() -> policy.checkJdbcUrl("jdbc:h2:tcp://db.internal.evil.com/app"));
        assertDenied(() -> policy.checkJdbcUrl("jdbc:h2:tcp://db.internal/../../x"));
        assertDenied(() -> policy.checkJdbcUrl("jdbc:h2:tcp://db.internal/.."));
        AccessPolicy port = AccessPolicy.closed(data).allowJdbcUrl("jdbc:postgresql://db:5432").build();
        port.checkJdbcUrl("jdbc:postgresql://db:5432");
        assertDenied(() -> port.checkJdbcUrl("jdbc:postgresql://db:54329/app"));
        assertDenied(() -> port.checkJdbcUrl("jdbc:postgresql://db:5432,evil:5432/app"));
        AccessPolicy withParameters = AccessPolicy.closed(data).allowJdbcUrl("jdbc:h2:mem:app;DB_CLOSE_DELAY=-1").build();
        withParameters.checkJdbcUrl("jdbc:h2:mem:app;DB_CLOSE_DELAY=-1");
        assertDenied(() -> withParameters.checkJdbcUrl("jdbc:h2:mem:app;DB_CLOSE_DELAY=-1;INIT=x"));
        assertEquals(-1, withParameters.toString().indexOf("DB_CLOSE_DELAY"), "the log shows no parameters");
    }

    @Test
    void kafkaPropertiesThatReachOutAreAllowedByName() {
        policy.checkKafkaProperty("ssl.truststore.location");
        SluiceException jaas = assertDenied(() -> policy.checkKafkaProperty("sasl.jaas.config"));
        assertEquals("access denied: Kafka client property 'sasl.jaas.config' can reach files, run commands or load"
                + " classes, which the server allows only for properties it names (--allow-kafka-property:"
                + " ssl.truststore.location)", jaas.getMessage());
    }

    @Test
    void theOpenPolicyAllowsEverythingAndLeavesPathsAsWritten() {
        AccessPolicy open = AccessPolicy.OPEN;
        assertEquals(Path.of("relative/in.csv"), open.checkRead(Path.of("relative/in.csv")));
        assertEquals(Path.of("/etc/passwd"), open.checkWrite(Path.of("/etc/passwd")));
        open.checkEndpoint("anywhere", 1);
        open.checkJdbcUrl("jdbc:calcite:model=/etc/passwd");
        open.checkKafkaProperty("sasl.jaas.config");
        assertTrue(open.isOpen());
        assertFalse(policy.isOpen());
    }

    @Test
    void aClosedPolicyWithNothingAllowedSaysNone() {
        AccessPolicy nothing = AccessPolicy.closed(data).build();
        assertEquals("access denied: path '" + data.resolve("in.csv") + "' is outside the directories the server lets"
                + " connectors read (--allow-read: none)", assertDenied(() -> nothing.checkRead(Path.of("in.csv"))).getMessage());
    }

    private static SluiceException assertDenied(Executable check) {
        SluiceException e = assertThrows(SluiceException.class, check);
        assertEquals(ErrorCode.ACCESS_DENIED, e.code());
        assertEquals("42501", e.sqlState());
        return e;
    }
}
