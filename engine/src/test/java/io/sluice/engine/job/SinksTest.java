package io.sluice.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.cdc.DatabaseRows;
import io.sluice.engine.query.QueryState;
import io.sluice.runtime.error.SluiceException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** INSERT INTO the file, print, blackhole and jdbc sinks, from a file of six rows. */
class SinksTest {
    @TempDir
    Path directory;
    private Engine engine;
    private Session session;

    @BeforeEach
    void createInput() throws Exception {
        Path input = directory.resolve("input.csv");
        Files.write(input, List.of("1,a,10", "2,b,20", "3,a,30", "4,c,40", "5,b,50", "6,a,60"));
        engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(2));
        session = engine.newSession();
        session.execute("CREATE TABLE input (id INT, k STRING, v BIGINT) WITH ('connector' = 'file', 'path' = '"
                + input + "', 'format' = 'csv')");
        session.execute("SET 'table.dml-sync' = 'true'");
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
    }

    @Test
    void fileSinkWritesRollingPartFilesThatReadBack() throws Exception {
        Path out = directory.resolve("out");
        session.execute("CREATE TABLE output (id INT, k STRING, v BIGINT) WITH ('connector' = 'file', 'path' = '" + out
                + "', 'format' = 'json', 'sink.rolling-policy.file-size' = '40b')");
        BackgroundJob job = Statements.startJob(session, "INSERT INTO output SELECT id, k, v * 2 FROM input");
        assertEquals(QueryState.FINISHED, job.state());
        List<String> lines = new ArrayList<>();
        List<Path> parts;
        try (Stream<Path> files = Files.list(out)) {
            parts = files.sorted().toList();
        }
        for (Path part : parts) {
            assertTrue(part.getFileName().toString().startsWith("part-"), "finished part file: " + part);
            lines.addAll(Files.readAllLines(part));
        }
        // Each line is about 30 bytes, so a 40-byte part file holds two rows.
        assertEquals(3, parts.size(), "parts: " + parts);
        lines.sort(null);
        assertEquals(List.of("{\"id\":1,\"k\":\"a\",\"v\":20}", "{\"id\":2,\"k\":\"b\",\"v\":40}",
                "{\"id\":3,\"k\":\"a\",\"v\":60}", "{\"id\":4,\"k\":\"c\",\"v\":80}", "{\"id\":5,\"k\":\"b\",\"v\":100}",
                "{\"id\":6,\"k\":\"a\",\"v\":120}"), lines);
        assertEquals(List.of("1|a|20", "2|b|40", "3|a|60", "4|c|80", "5|b|100", "6|a|120"),
                Statements.sortedRows(session, "SELECT * FROM output"));
        assertEquals(0, Statements.allocated(engine));
    }

    @Test
    void printSinkWritesFlinkStyleLines() throws Exception {
        session.execute("SET 'parallelism' = '1'");
        session.execute("CREATE TABLE shown (k STRING, v BIGINT, note STRING) WITH ('connector' = 'print',"
                + " 'print-identifier' = 'dbg')");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Statements.startJob(session, "INSERT INTO shown SELECT k, v, CAST(NULL AS VARCHAR) FROM input WHERE id <= 2");
        } finally {
            System.setOut(original);
        }
        assertEquals("dbg> +I[a, 10, null]\ndbg> +I[b, 20, null]\n", captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void blackholeCountsRowsAsTheJobsRecordsOut() throws Exception {
        session.execute("CREATE TABLE nothing (id INT, k STRING, v BIGINT) WITH ('connector' = 'blackhole')");
        BackgroundJob job = Statements.startJob(session, "INSERT INTO nothing SELECT * FROM input WHERE v > 20");
        assertEquals(4, job.metrics().recordsOut());
        assertEquals(6, job.metrics().recordsIn());
    }

    @Test
    void jdbcSinkAppendsAndUpsertsIntoH2() throws Exception {
        String url = "jdbc:h2:mem:sinks" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Connection h2 = DriverManager.getConnection(url); Statement ddl = h2.createStatement()) {
            ddl.execute("CREATE TABLE events (id INT, k VARCHAR(10), v BIGINT)");
            ddl.execute("CREATE TABLE totals (k VARCHAR(10) PRIMARY KEY, v BIGINT)");
            session.execute("CREATE TABLE events (id INT, k STRING, v BIGINT) WITH ('connector' = 'jdbc', 'url' = '"
                    + url + "', 'table-name' = 'events', 'sink.buffer-flush.max-rows' = '2')");
            session.execute("CREATE TABLE totals (k STRING, v BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ("
                    + "'connector' = 'jdbc', 'url' = '" + url + "', 'table-name' = 'totals')");
            Statements.startJob(session, "INSERT INTO events SELECT * FROM input");
            assertEquals(List.of("1|a|10", "2|b|20", "3|a|30", "4|c|40", "5|b|50", "6|a|60"),
                    DatabaseRows.of(ddl, "SELECT id, k, v FROM events ORDER BY id"));
            // One task writes all rows in file order, so the last row of each key is the one kept.
            session.execute("SET 'parallelism' = '1'");
            Statements.startJob(session, "INSERT INTO totals SELECT k, v FROM input");
            assertEquals(List.of("a|60", "b|50", "c|40"), DatabaseRows.of(ddl, "SELECT k, v FROM totals ORDER BY k"));
        }
        assertEquals(0, Statements.allocated(engine));
    }

    @Test
    void aFailingJobIsMarkedFailedWithItsError() throws Exception {
        String url = "jdbc:h2:mem:failing" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Connection h2 = DriverManager.getConnection(url); Statement ddl = h2.createStatement()) {
            ddl.execute("CREATE TABLE strict (k VARCHAR(10), v BIGINT NOT NULL)");
            session.execute("CREATE TABLE strict (k STRING, v BIGINT) WITH ('connector' = 'jdbc', 'url' = '" + url
                    + "', 'table-name' = 'strict', 'sink.max-retries' = '0')");
            session.execute("CREATE TABLE nothing (id INT, k STRING, v BIGINT) WITH ('connector' = 'blackhole')");
            session.execute("SET 'table.dml-sync' = 'false'");
            BackgroundJob failing = Statements.startJob(session,
                    "INSERT INTO strict SELECT k, CASE WHEN id = 3 THEN NULL ELSE v END FROM input");
            BackgroundJob healthy = Statements.startJob(session, "INSERT INTO nothing SELECT * FROM input");
            session.awaitJobs();
            assertEquals(QueryState.FAILED, failing.state());
            assertTrue(failing.failure().getMessage().contains("jdbc sink 'strict'"), failing.failure().getMessage());
            assertEquals(QueryState.FINISHED, healthy.state());
            assertNull(healthy.failure());
            List<String> listed = Statements.rows(session, "SHOW QUERIES");
            assertEquals(2, listed.size());
            assertTrue(listed.get(0).contains("|FAILED|") && listed.get(0).contains("jdbc sink 'strict'"), listed.get(0));
            assertTrue(listed.get(1).endsWith("|NULL") && listed.get(1).contains("|FINISHED|"), listed.get(1));
        }
        assertEquals(0, Statements.allocated(engine));
    }

    @Test
    void insertWithoutDmlSyncReturnsTheJobIdAtOnce() throws Exception {
        session.execute("SET 'table.dml-sync' = 'false'");
        session.execute("CREATE TABLE nothing (id INT, k STRING, v BIGINT) WITH ('connector' = 'blackhole')");
        String id = session.execute("INSERT INTO nothing SELECT * FROM input").message();
        assertEquals("j1", id);
        session.awaitJobs();
        assertTrue(session.runningJobs().isEmpty());
        assertEquals(QueryState.FINISHED, engine.jobs().find(id).orElseThrow().state());
    }

    @Test
    void columnsMatchByPositionWithImplicitCastsOrByName() throws Exception {
        session.execute("CREATE TABLE nothing (id BIGINT, k STRING, v DOUBLE) WITH ('connector' = 'blackhole')");
        BackgroundJob cast = Statements.startJob(session, "INSERT INTO nothing SELECT id, k, v FROM input");
        assertEquals(6, cast.metrics().recordsOut());
        Path out = directory.resolve("named");
        session.execute("CREATE TABLE named (a INT, b STRING, c BIGINT) WITH ('connector' = 'file', 'path' = '" + out
                + "', 'format' = 'csv')");
        Statements.startJob(session, "INSERT INTO named (c, a) SELECT v, id FROM input WHERE id = 1");
        assertEquals(List.of("1||10"), Statements.rows(session, "SELECT a, b, c FROM named")
                .stream().map(row -> row.replace("NULL", "")).toList());

        SluiceException count = assertThrows(SluiceException.class,
                () -> session.execute("INSERT INTO nothing SELECT id, k FROM input"));
        assertEquals("42804", count.sqlState());
        assertTrue(count.getMessage().contains("the query gives 2 columns but 3 are written (id, k, v)"),
                count.getMessage());
        SluiceException type = assertThrows(SluiceException.class,
                () -> session.execute("INSERT INTO nothing SELECT id, v, k FROM input"));
        assertEquals("42804", type.sqlState());
        assertTrue(type.getMessage().contains("column 'k' is VARCHAR but the query's column 2 ('v') is BIGINT"), type.getMessage());
    }

    @Test
    void readingASinkOnlyTableOrWritingASourceOnlyOneIsAnError() {
        session.execute("CREATE TABLE nothing (id INT) WITH ('connector' = 'blackhole')");
        session.execute("CREATE TABLE other (id INT) WITH ('connector' = 'blackhole')");
        SluiceException read = assertThrows(SluiceException.class,
                () -> session.execute("INSERT INTO other SELECT id FROM nothing"));
        assertTrue(read.getMessage().contains("'nothing' cannot be read: its connector 'blackhole' can only be written to"),
                read.getMessage());
        SluiceException select = assertThrows(SluiceException.class, () -> Statements.rows(session, "SELECT * FROM nothing"));
        assertEquals(read.detail(), select.detail());
        session.execute("CREATE STREAM lines (id INT) WITH ('connector' = 'socket', 'hostname' = 'localhost',"
                + " 'port' = '9', 'format' = 'csv')");
        SluiceException write = assertThrows(SluiceException.class,
                () -> session.execute("INSERT INTO lines SELECT id FROM input"));
        assertTrue(write.getMessage().contains("cannot INSERT INTO 'lines': its connector 'socket' can only be read"),
                write.getMessage());
        SluiceException option = assertThrows(SluiceException.class, () -> session.execute(
                "CREATE TABLE p (id INT) WITH ('connector' = 'print', 'print-identifer' = 'x')"));
        assertTrue(option.getMessage().contains("unknown option 'print-identifer' for connector 'print'"),
                option.getMessage());
    }
}
