package io.sluice.engine.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.cdc.DatabaseRows;
import io.sluice.engine.cdc.ProductChanges;
import io.sluice.engine.job.Statements;
import io.sluice.runtime.error.SluiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changelogs through a real broker: a topic of Debezium changes read as its table, and an
 * upsert-kafka table written from a changelog (upserts by key, tombstones for deletes) and read
 * back as that table, each ending in the source table's final state ({@link ProductChanges}).
 */
class ChangelogKafkaTest {
    private static final String CDC_TOPIC = "products-cdc";

    private static KafkaBroker broker;

    @TempDir
    Path directory;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.shared();
        broker.createTopic(CDC_TOPIC, 1);
        List<KafkaBroker.Record> records = new ArrayList<>();
        for (String event : ProductChanges.EVENTS) {
            records.add(new KafkaBroker.Record(0, null, null, event));
            if (event.contains("\"op\":\"d\"")) {
                // Debezium follows a delete with a tombstone, for compaction; it holds no change.
                records.add(new KafkaBroker.Record(0, null, "{}", null));
            }
        }
        broker.produce(CDC_TOPIC, records);
    }

    private static String kafka(String topic) {
        return "'topic' = '" + topic + "', 'properties.bootstrap.servers' = '" + broker.bootstrapServers() + "'";
    }

    private Session session(Engine engine) throws Exception {
        Session session = engine.newSession();
        session.execute("SET 'table.dml-sync' = 'true'");
        Path file = Files.write(directory.resolve("products.json"), ProductChanges.EVENTS);
        session.execute("CREATE TABLE products (" + ProductChanges.COLUMNS + ") WITH ('connector' = 'file', 'path' = '"
                + file + "', 'format' = 'debezium-json')");
        return session;
    }

    @Test
    void aTopicOfDebeziumChangesReadsAsTheSourceTable() throws Exception {
        for (int parallelism : new int[] {1, 2}) {
            try (Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(parallelism));
                 Session session = session(engine)) {
                session.execute("CREATE TABLE cdc (" + ProductChanges.COLUMNS + ") WITH ('connector' = 'kafka', "
                        + kafka(CDC_TOPIC) + ", 'scan.startup.mode' = 'earliest-offset', 'format' = 'debezium-json')");
                assertEquals(ProductChanges.FINAL_STATE, Statements.sortedRows(session, "SELECT * FROM cdc"),
                        "parallelism " + parallelism);
                assertEquals(0, Statements.allocated(engine));
            }
        }
    }

    @Test
    void aKafkaTableInDebeziumJsonTakesTheChangelogAndReadsBackAsTheTable() throws Exception {
        broker.createTopic("products-copy", 1);
        try (Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(1));
             Session session = session(engine)) {
            session.execute("CREATE TABLE copy (" + ProductChanges.COLUMNS + ") WITH ('connector' = 'kafka', "
                    + kafka("products-copy") + ", 'scan.startup.mode' = 'earliest-offset', 'format' = 'debezium-json')");
            Statements.startJob(session, "INSERT INTO copy SELECT * FROM products");
            List<ConsumerRecord<String, String>> records = broker.consumeAll("products-copy");
            // 10 changes, of which the 3 updates are written as a delete and a create each.
            assertEquals(13, records.size());
            assertEquals("{\"before\":{\"id\":1,\"name\":\"apple\",\"qty\":10},\"after\":null,\"op\":\"d\"}",
                    records.get(3).value());
            assertEquals(ProductChanges.FINAL_STATE, Statements.sortedRows(session, "SELECT * FROM copy"));
        }
    }

    @Test
    void anUpsertKafkaTableIsWrittenByKeyWithTombstonesAndReadsBackAsTheTable() throws Exception {
        broker.createTopic("products-upsert", 2);
        String url = "jdbc:h2:mem:upserts" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(2));
             Session session = session(engine);
             Connection h2 = DriverManager.getConnection(url);
             Statement sql = h2.createStatement()) {
            session.execute("CREATE TABLE latest (" + ProductChanges.COLUMNS + ") WITH ('connector' = 'upsert-kafka', "
                    + kafka("products-upsert") + ", 'key.format' = 'json', 'value.format' = 'json',"
                    + " 'scan.bounded.mode' = 'latest-offset')");
            Statements.startJob(session, "INSERT INTO latest SELECT * FROM products");
            // By key, in order: each insert and new value as the row, each delete as a tombstone; old values are not written.
            assertEquals(Map.of(
                    "{\"id\":1}", List.of(row(1, "apple", 10), row(1, "apple", 12), row(1, "apple", 15)),
                    "{\"id\":2}", List.of(row(2, "pear", 5), "null", row(2, "pear", 9)),
                    "{\"id\":3}", List.of(row(3, "plum", 7), row(3, "prune", 7)),
                    "{\"id\":4}", List.of(row(4, "fig", 1), "null")), byKey("products-upsert"));

            // Read back at parallelism 2, normalised by key after an exchange: into a table by key, and by SELECT.
            sql.execute("CREATE TABLE copy (id INT PRIMARY KEY, name VARCHAR(20), qty INT)");
            session.execute("CREATE TABLE copy (" + ProductChanges.COLUMNS + ") WITH ('connector' = 'jdbc', 'url' = '"
                    + url + "', 'table-name' = 'copy')");
            Statements.startJob(session, "INSERT INTO copy SELECT * FROM latest");
            assertEquals(ProductChanges.FINAL_STATE, DatabaseRows.of(sql, "SELECT id, name, qty FROM copy ORDER BY id"));

            assertEquals(ProductChanges.FINAL_STATE, Statements.sortedRows(session, "SELECT * FROM latest"));
            // The upsert source is normalised: a filter sees each key's rows with their old values.
            assertEquals(List.of("1|15", "2|9"), Statements.sortedRows(session, "SELECT id, qty FROM latest WHERE qty > 8"));
            assertEquals(0, Statements.allocated(engine));
        }
    }

    @Test
    void theKeyCanLeaveTheValueAndCarryAPrefixedName() throws Exception {
        broker.createTopic("products-except-key", 1);
        try (Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(1));
             Session session = session(engine)) {
            session.execute("CREATE TABLE latest (k_id INT, name STRING, qty INT, PRIMARY KEY (k_id) NOT ENFORCED) WITH ("
                    + "'connector' = 'upsert-kafka', " + kafka("products-except-key") + ", 'key.format' = 'json',"
                    + " 'key.fields-prefix' = 'k_', 'value.format' = 'json', 'value.fields-include' = 'EXCEPT_KEY')");
            Statements.startJob(session, "INSERT INTO latest SELECT * FROM products");
            ConsumerRecord<String, String> first = broker.consumeAll("products-except-key").get(0);
            assertEquals("{\"id\":1}", first.key());
            assertEquals("{\"name\":\"apple\",\"qty\":10}", first.value());
            assertEquals(ProductChanges.FINAL_STATE, Statements.sortedRows(session, "SELECT * FROM latest"));
        }
    }

    @Test
    void anUpsertKafkaTableNeedsAPrimaryKey() throws Exception {
        try (Engine engine = Engine.create(); Session session = engine.newSession()) {
            SluiceException e = assertThrows(SluiceException.class, () -> session.execute(
                    "CREATE TABLE keyless (id INT, name STRING) WITH ('connector' = 'upsert-kafka', " + kafka("x")
                            + ", 'key.format' = 'json', 'value.format' = 'json')"));
            assertTrue(e.getMessage().contains("needs the table's PRIMARY KEY (...) NOT ENFORCED"), e.getMessage());
        }
    }

    private static String row(int id, String name, int qty) {
        return "{\"id\":" + id + ",\"name\":\"" + name + "\",\"qty\":" + qty + "}";
    }

    /** The values of a topic's records by key, in the order written ({@code null} for a tombstone). */
    private static Map<String, List<String>> byKey(String topic) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : broker.consumeAll(topic)) {
            values.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(String.valueOf(record.value()));
        }
        return values;
    }
}
