package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.server.JdbcServer;
import io.sluice.engine.server.JdbcServerConfig;
import io.sluice.runtime.security.AccessPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server whose engine has a closed access policy, through the thin driver: a table over a file
 * outside the data directory is a SQLException with SQLState 42501 and the policy's message, and
 * the connection goes on reading a file inside it by a relative path.
 */
@Timeout(120)
class AccessPolicyJdbcTest {
    @Test
    void aDeniedPathIsSqlState42501AndTheConnectionGoesOn(@TempDir Path temp) throws Exception {
        Path data = Files.createDirectory(temp.toRealPath().resolve("data"));
        Path outside = Files.writeString(temp.toRealPath().resolve("outside.csv"), "9,secret\n");
        Files.writeString(data.resolve("rows.csv"), "1,a\n2,b\n");
        AccessPolicy policy = AccessPolicy.closed(data).allowRead(data).allowWrite(data).build();
        try (Engine engine = Engine.create(EngineConfig.defaults().withAccessPolicy(policy));
             JdbcServer server = JdbcServer.start(engine, JdbcServerConfig.loopback());
             Connection connection = ThinDriver.connect(server.url());
             Statement statement = connection.createStatement()) {
            SQLException denied = assertThrows(SQLException.class, () -> statement.execute(
                    "CREATE TABLE t (id INT, v STRING) WITH ('connector' = 'file', 'path' = '" + outside
                            + "', 'format' = 'csv')"));
            assertEquals("42501", denied.getSQLState());
            assertEquals("line 1, column 1: access denied: path '" + outside + "' is outside the directories the server"
                    + " lets connectors read (--allow-read: " + data + ") or write (--allow-write: " + data + ")",
                    denied.getMessage());

            statement.execute("CREATE TABLE t (id INT, v STRING) WITH ('connector' = 'file', 'path' = 'rows.csv',"
                    + " 'format' = 'csv')");
            List<String> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT id, v FROM t")) {
                while (result.next()) {
                    rows.add(result.getInt(1) + "|" + result.getString(2));
                }
            }
            rows.sort(null);
            assertEquals(List.of("1|a", "2|b"), rows);
            Waiting.until(Duration.ofSeconds(30), "no query left running", () -> engine.queries().list().isEmpty());
            Waiting.until(Duration.ofSeconds(30), "the engine's memory to be freed",
                    () -> engine.allocator().getAllocatedMemory() == 0);
        }
    }
}
