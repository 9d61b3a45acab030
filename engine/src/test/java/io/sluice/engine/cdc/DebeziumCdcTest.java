package io.sluice.engine.cdc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.job.Statements;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Debezium CDC file read as a changelog: its final state, read through a plain {@code SELECT},
 * through a jdbc sink that upserts and deletes by key, and written back in debezium-json, equals
 * the source table's state worked out by hand ({@link ProductChanges}).
 */
class DebeziumCdcTest {
    @TempDir
    Path directory;

    private Path changes() throws Exception {
        List<String> lines = new ArrayList<>(ProductChanges.EVENTS);
        lines.add(3, "{\"op\":\"u\",\"after\":{\"id\":1}}");
        return Files.write(directory.resolve("products.json"), lines);
    }

    /** Creates the table over the changes, and makes INSERT statements wait for their jobs to end. */
    private static void cdcTable(Session session, Path file) {
        session.execute("SET 'table.dml-sync' = 'true'");
        session.execute("CREATE TABLE products (" + ProductChanges.COLUMNS + ") WITH ('connector' = 'file', 'path' = '" + file
                + "', 'format' = 'debezium-json')");
    }

    @Test
    void aPlainSelectShowsTheSourceTablesFinalStateAtEveryParallelism() throws Exception {
        Path file = changes();
        for (int parallelism : new int[] {1, 2, 4}) {
            try (Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(parallelism));
                 Session session = engine.newSession()) {
                cdcTable(session, file);
                assertEquals(ProductChanges.FINAL_STATE, Statements.sortedRows(session, "SELECT * FROM products"),
                        "parallelism " + parallelism);
                // A filter over the changelog filters old and new rows alike: apple (15) and pear (9) pass.
                assertEquals(List.of("1|apple", "2|pear"),
                        Statements.sortedRows(session, "SELECT id, name FROM products WHERE qty > 8"));
                assertEquals(0, Statements.allocated(engine));
            }
        }
    }

    @Test
    void aJdbcSinkWithAPrimaryKeyEndsWithTheSourceTablesState() throws Exception {
        Path file = changes();
        String url = "jdbc:h2:mem:cdc" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        for (int parallelism : new int[] {1, 4}) {
            try (Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(parallelism));
                 Session session = engine.newSession();
                 Connection h2 = DriverManager.getConnection(url);
                 Statement sql = h2.createStatement()) {
                sql.execute("DROP TABLE IF EXISTS products_copy");
                sql.execute("CREATE TABLE products_copy (id INT PRIMARY KEY, name VARCHAR(20), qty INT)");
                // A stale row the changes delete: the sink deletes by key, whatever the row holds.
                sql.execute("INSERT INTO products_copy VALUES (4, 'stale', 0)");
                cdcTable(session, file);
                session.execute("CREATE TABLE products_copy (" + ProductChanges.COLUMNS + ") WITH ('connector' = 'jdbc',"
                        + " 'url' = '" + url + "', 'table-name' = 'products_copy', 'sink.buffer-flush.max-rows' = '3')");
                Statements.startJob(session, "INSERT INTO products_copy SELECT * FROM products");
                assertEquals(ProductChanges.FINAL_STATE, DatabaseRows.of(sql, "SELECT id, name, qty FROM products_copy ORDER BY id"),
                        "parallelism " + parallelism);
                assertEquals(0, Statements.allocated(engine));
            }
        }
    }

    @Test
    void aJdbcSinkWithoutAPrimaryKeyRefusesTheChangelog() throws Exception {
        Path file = changes();
        try (Engine engine = Engine.create(); Session session = engine.newSession()) {
            cdcTable(session, file);
            session.execute("CREATE TABLE appended (id INT, name STRING, qty INT) WITH ('connector' = 'jdbc',"
                    + " 'url' = 'jdbc:h2:mem:unused', 'table-name' = 'appended')");
            SluiceException e = org.junit.jupiter.api.Assertions.assertThrows(SluiceException.class,
                    () -> session.execute("INSERT INTO appended SELECT * FROM products"));
            assertTrue(e.getMessage().contains("the changelog table 'products'")
                    && e.getMessage().contains("only appends rows"), e.getMessage());
        }
    }

    @Test
    void theChangelogWrittenInDebeziumJsonReadsBackToTheSameState() throws Exception {
        Path file = changes();
        Path out = directory.resolve("copy");
        try (Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(1));
             Session session = engine.newSession()) {
            cdcTable(session, file);
            session.execute("CREATE TABLE copy (" + ProductChanges.COLUMNS + ") WITH ('connector' = 'file', 'path' = '"
                    + out + "', 'format' = 'debezium-json')");
            Statements.startJob(session, "INSERT INTO copy SELECT * FROM products");
            // As Flink writes them: each update as a delete of the old row and a create of the new.
            List<String> written = new ArrayList<>();
            try (var files = Files.list(out)) {
                for (Path part : files.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                    written.addAll(Files.readAllLines(part));
                }
            }
            assertEquals(13, written.size(), "2 snapshot rows, 3 creates, 3 updates of 2 lines each, 2 deletes");
            assertEquals("{\"before\":{\"id\":1,\"name\":\"apple\",\"qty\":10},\"after\":null,\"op\":\"d\"}", written.get(3));
            assertEquals(ProductChanges.FINAL_STATE, Statements.sortedRows(session, "SELECT * FROM copy"));
        }
    }

    @Test
    void printShowsEveryChangeWithItsKind() throws Exception {
        Path file = changes();
        try (Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(1));
             Session session = engine.newSession()) {
            cdcTable(session, file);
            session.execute("CREATE TABLE shown (id INT, name STRING, qty INT) WITH ('connector' = 'print',"
                    + " 'print-identifier' = 'cdc')");
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            PrintStream original = System.out;
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                Statements.startJob(session, "INSERT INTO shown SELECT * FROM products WHERE id <> 2");
            } finally {
                System.setOut(original);
            }
            assertEquals(String.join("\n",
                    "cdc> +I[1, apple, 10]", "cdc> +I[3, plum, 7]", "cdc> -U[1, apple, 10]", "cdc> +U[1, apple, 12]",
                    "cdc> -U[3, plum, 7]", "cdc> +U[3, prune, 7]", "cdc> +I[4, fig, 1]", "cdc> -U[1, apple, 12]",
                    "cdc> +U[1, apple, 15]", "cdc> -D[4, fig, 1]") + "\n", captured.toString(StandardCharsets.UTF_8));
        }
    }
}
