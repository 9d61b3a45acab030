package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.SessionUser;
import io.sluice.engine.jdbc.EngineMeta;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users of one server see and stop only their own queries and jobs; an admin sees and stops all.
 * The catalog is shared.
 */
@Timeout(120)
class SessionIsolationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void usersSeeAndStopOnlyTheirOwnQueriesAndJobs() throws Exception {
        try (SecuredServer secured = new SecuredServer(dir);
             Connection alice = secured.connect("alice");
             Connection bob = secured.connect("bob");
             Connection root = secured.connect("root");
             Statement aliceStatement = alice.createStatement();
             Statement bobStatement = bob.createStatement();
             Statement bobStopper = bob.createStatement()) {
            // Alice declares the streams; Bob uses them: the catalog is shared.
            aliceStatement.executeUpdate("CREATE STREAM ticks (id BIGINT) WITH ('connector' = 'sequence', 'rows-per-second' = '100')");
            aliceStatement.executeUpdate("CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole')");
            aliceStatement.executeUpdate("INSERT INTO sink SELECT id FROM ticks");
            try (ResultSet bobRows = bobStatement.executeQuery("SELECT STREAM id + 1000 FROM ticks")) {
                assertTrue(bobRows.next());

                List<String[]> seenByAlice = queries(alice);
                assertEquals(List.of("INSERT INTO sink SELECT id FROM ticks"), statements(seenByAlice));
                List<String[]> seenByBob = queries(bob);
                assertEquals(List.of("SELECT STREAM id + 1000 FROM ticks"), statements(seenByBob));
                assertEquals(List.of("INSERT INTO sink SELECT id FROM ticks", "SELECT STREAM id + 1000 FROM ticks"),
                        statements(queries(root)).stream().sorted().toList());

                // Bob cannot stop Alice's job: to him it does not exist.
                String aliceJob = seenByAlice.get(0)[0];
                SQLException notFound = assertThrows(SQLException.class,
                        () -> bobStopper.execute("STOP JOB '" + aliceJob + "'"));
                assertEquals("42S02", notFound.getSQLState(), notFound.getMessage());
                assertTrue(notFound.getMessage().contains("no job or query with id '" + aliceJob + "'"), notFound.getMessage());
                assertEquals("RUNNING", queries(alice).get(0)[1]);
                // Nor can Alice stop Bob's query.
                String bobQuery = seenByBob.get(0)[0];
                SQLException alsoNotFound = assertThrows(SQLException.class,
                        () -> aliceStatement.execute("STOP JOB '" + bobQuery + "'"));
                assertEquals("42S02", alsoNotFound.getSQLState(), alsoNotFound.getMessage());
                assertTrue(bobRows.next());

                // The admin may stop both.
                try (Statement rootStatement = root.createStatement()) {
                    rootStatement.execute("STOP JOB '" + aliceJob + "'");
                    rootStatement.execute("STOP JOB '" + bobQuery + "'");
                }
                assertEquals("CANCELLED", queries(alice).get(0)[1]);
                SQLException cancelled = assertThrows(SQLException.class, () -> {
                    while (bobRows.next()) {
                        bobRows.getLong(1);
                    }
                });
                assertEquals("57014", cancelled.getSQLState(), cancelled.getMessage());
            }
        }
    }

    @Test
    void aConnectionIsOnlyItsOwnersToUse() {
        SessionUser alice = new SessionUser("alice", false);
        SessionUser bob = new SessionUser("bob", false);
        SessionUser root = new SessionUser("root", true);
        try (Engine engine = Engine.create()) {
            EngineMeta meta = new EngineMeta(engine);
            Meta.ConnectionHandle connection = new Meta.ConnectionHandle("alices-connection");
            meta.as(alice, () -> {
                meta.openConnection(connection, Map.of());
                return null;
            });
            Meta.StatementHandle statement = meta.as(alice, () -> meta.createStatement(connection));
            for (SessionUser other : List.of(bob, root)) {
                AvaticaRuntimeException refused = assertThrows(AvaticaRuntimeException.class,
                        () -> meta.as(other, () -> meta.createStatement(connection)));
                assertEquals("08003", refused.getSqlState());
                assertFalse(meta.as(other, () -> meta.keepAlive(connection.id)));
                assertFalse(meta.as(other, () -> meta.cancel(statement)));
                meta.as(other, () -> {
                    meta.closeConnection(connection);
                    return null;
                });
                assertEquals(1, meta.connectionCount());
            }
            assertTrue(meta.as(alice, () -> meta.keepAlive(connection.id)));
            assertTrue(meta.as(alice, () -> meta.cancel(statement)));
            meta.as(alice, () -> {
                meta.closeConnection(connection);
                return null;
            });
            assertEquals(0, meta.connectionCount());
        }
    }

    /** SHOW QUERIES as the connection's user sees it: {id, state, statement} rows. */
    private static List<String[]> queries(Connection connection) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet queries = statement.executeQuery("SHOW QUERIES")) {
            while (queries.next()) {
                rows.add(new String[] {queries.getString("id"), queries.getString("state"), queries.getString("statement")});
            }
        }
        return rows;
    }

    private static List<String> statements(List<String[]> queries) {
        return queries.stream().map(row -> row[2]).toList();
    }
}
