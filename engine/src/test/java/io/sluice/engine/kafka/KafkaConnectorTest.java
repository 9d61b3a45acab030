package io.sluice.engine.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.job.BackgroundJob;
import io.sluice.engine.job.Statements;
import io.sluice.engine.query.QueryState;
import io.sluice.engine.result.QuerySummary;
import io.sluice.engine.result.ResultCursor;
import io.sluice.runtime.error.SluiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka connector against a real broker: reading, writing, jobs, bad input and bad addresses. */
class KafkaConnectorTest {
    private static final String EVENTS = "events";
    private static final int EVENT_COUNT = 40;

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.shared();
        broker.createTopic(EVENTS, 4);
        List<KafkaBroker.Record> records = new ArrayList<>();
        for (int i = 0; i < EVENT_COUNT; i++) {
            records.add(KafkaBroker.Record.value(i % 4, event(i)));
        }
        broker.produce(EVENTS, records);
    }

    /** Event {@code i}: one a second from midnight, key a for even and b for odd, value i. */
    private static String event(int i) {
        return "{\"ts\":\"" + timestamp(i) + "\",\"k\":\"" + (i % 2 == 0 ? "a" : "b") + "\",\"v\":" + i + "}";
    }

    private static String timestamp(int second) {
        return String.format("2026-01-01 00:00:%02d.000", second);
    }

    private static String kafkaTable(String name, String topic, String extraOptions) {
        return "CREATE STREAM " + name + " (ts TIMESTAMP(3), k STRING, v INT,"
                + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'kafka', 'topic' = '" + topic
                + "', 'properties.bootstrap.servers' = '" + broker.bootstrapServers() + "',"
                + " 'scan.startup.mode' = 'earliest-offset', 'format' = 'json'" + extraOptions + ")";
    }

    private static final String WINDOWED = "SELECT STREAM window_start, k, COUNT(*) AS c, SUM(v) AS s"
            + " FROM TABLE(TUMBLE(TABLE %s, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, k";

    /** By hand: window [0,10) holds a = 0+2+4+6+8 = 20 and b = 1+3+5+7+9 = 25; each later window adds 50 to both. */
    private static final List<String> EXPECTED_WINDOWS = List.of(
            "2026-01-01 00:00:00.000|a|5|20", "2026-01-01 00:00:00.000|b|5|25",
            "2026-01-01 00:00:10.000|a|5|70", "2026-01-01 00:00:10.000|b|5|75",
            "2026-01-01 00:00:20.000|a|5|120", "2026-01-01 00:00:20.000|b|5|125",
            "2026-01-01 00:00:30.000|a|5|170", "2026-01-01 00:00:30.000|b|5|175");

    @Test
    void windowedAggregateOverFourPartitionsMatchesTheSameDataFromAFile(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("events.json");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < EVENT_COUNT; i++) {
            lines.add(event(i));
        }
        Files.write(file, lines);
        for (int parallelism : new int[] {1, 2}) {
            Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(parallelism));
            try (Session session = engine.newSession()) {
                session.execute(kafkaTable("k_events", EVENTS, ", 'scan.bounded.mode' = 'latest-offset'"));
                session.execute("CREATE STREAM f_events (ts TIMESTAMP(3), k STRING, v INT,"
                        + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'file', 'path' = '"
                        + file + "', 'format' = 'json')");
                List<String> fromFile = Statements.sortedRows(session, String.format(WINDOWED, "f_events"));
                List<String> fromKafka = Statements.sortedRows(session, String.format(WINDOWED, "k_events"));
                assertEquals(EXPECTED_WINDOWS, fromFile, "file at parallelism " + parallelism);
                assertEquals(EXPECTED_WINDOWS, fromKafka, "kafka at parallelism " + parallelism);
            } finally {
                engine.close();
            }
        }
    }

    @Test
    void plainSelectReadsToTheLatestOffsetsWithMetadataColumns() throws Exception {
        try (Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(2));
             Session session = engine.newSession()) {
            session.execute("CREATE STREAM m (k STRING, v INT, p INT METADATA FROM 'partition' VIRTUAL,"
                    + " `offset` BIGINT METADATA VIRTUAL, tagged AS p * 10 + v) WITH ('connector' = 'kafka', 'topic' = '"
                    + EVENTS + "', 'properties.bootstrap.servers' = '" + broker.bootstrapServers() + "', 'format' = 'json')");
            List<String> rows = Statements.sortedRows(session, "SELECT p, `offset`, v, tagged FROM m WHERE v < 8");
            // Event i went to partition i % 4, as its (i / 4)-th record there; the computed column reads both kinds.
            assertEquals(List.of("0|0|0|0", "0|1|4|4", "1|0|1|11", "1|1|5|15", "2|0|2|22", "2|1|6|26", "3|0|3|33",
                    "3|1|7|37"), rows);
            assertEquals(0, Statements.allocated(engine));
        }
    }

    @Test
    void groupOffsetsStartWhereTheGroupLeftOffAndTimestampModeAtATime() throws Exception {
        broker.createTopic("resumable", 1);
        broker.produce("resumable", List.of(new KafkaBroker.Record(0, 1_000L, null, "{\"v\":1}"),
                new KafkaBroker.Record(0, 2_000L, null, "{\"v\":2}")));
        try (Engine engine = Engine.create(); Session session = engine.newSession()) {
            String table = "CREATE STREAM %s (v INT, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL) WITH ("
                    + "'connector' = 'kafka', 'topic' = 'resumable', 'properties.bootstrap.servers' = '"
                    + broker.bootstrapServers() + "', 'format' = 'json', %s)";
            session.execute(String.format(table, "grouped", "'properties.group.id' = 'g1',"
                    + " 'scan.startup.mode' = 'group-offsets'"));
            // Without a committed offset the group starts at the earliest.
            assertEquals(List.of("1", "2"), Statements.rows(session, "SELECT v FROM grouped"));
            broker.produce("resumable", List.of(new KafkaBroker.Record(0, 3_000L, null, "{\"v\":3}")));
            // Reading commits nothing by itself (only completed checkpoints do): the group starts over.
            assertEquals(List.of("1", "2", "3"), Statements.rows(session, "SELECT v FROM grouped"));
            broker.commitOffset("g1", "resumable", 0, 2);
            assertEquals(List.of("3"), Statements.rows(session, "SELECT v FROM grouped"));

            session.execute(String.format(table, "timed", "'scan.startup.mode' = 'timestamp',"
                    + " 'scan.startup.timestamp-millis' = '2000'"));
            assertEquals(List.of("2|1970-01-01 00:00:02.000", "3|1970-01-01 00:00:03.000"),
                    Statements.rows(session, "SELECT v, ts FROM timed"));
        }
    }

    @Test
    void metadataColumnsAreRejectedForConnectorsWithout() {
        try (Engine engine = Engine.create(); Session session = engine.newSession()) {
            SluiceException e = assertThrows(SluiceException.class, () -> session.execute(
                    "CREATE STREAM x (v INT, o BIGINT METADATA FROM 'offset') WITH ('connector' = 'print')"));
            assertTrue(e.getMessage().contains("connector 'print' has no metadata 'offset'"), e.getMessage());
        }
    }

    @Test
    void kafkaToKafkaJobWritesExactlyTheWindowResults() throws Exception {
        broker.createTopic("windows-out", 1);
        try (Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(2));
             Session session = engine.newSession()) {
            session.execute(kafkaTable("src", EVENTS, ", 'scan.bounded.mode' = 'latest-offset'"));
            session.execute("CREATE STREAM out (window_start TIMESTAMP(3), k STRING, c BIGINT, s INT) WITH ("
                    + "'connector' = 'kafka', 'topic' = 'windows-out', 'properties.bootstrap.servers' = '"
                    + broker.bootstrapServers() + "', 'format' = 'json', 'key.fields' = 'k', 'key.format' = 'csv')");
            BackgroundJob job = Statements.startJob(session, "INSERT INTO out " + String.format(WINDOWED, "src")
                    .replace("SELECT STREAM", "SELECT"));
            assertTrue(job.await(java.time.Duration.ofSeconds(60)), "the job over a bounded source ends");
            assertEquals(QueryState.FINISHED, job.state());
            List<String> written = new ArrayList<>();
            for (ConsumerRecord<String, String> record : broker.consumeAll("windows-out")) {
                written.add(record.key() + " " + record.value());
            }
            written.sort(null);
            List<String> expected = new ArrayList<>();
            for (String row : EXPECTED_WINDOWS) {
                String[] f = row.split("\\|");
                expected.add(f[1] + " {\"window_start\":\"" + f[0] + "\",\"k\":\"" + f[1] + "\",\"c\":" + f[2]
                        + ",\"s\":" + f[3] + "}");
            }
            expected.sort(null);
            assertEquals(expected, written);
            assertEquals(EVENT_COUNT, job.metrics().recordsIn());
            assertEquals(8, job.metrics().recordsOut());
            assertEquals(0, Statements.allocated(engine));
        }
    }

    @Test
    void malformedRecordsAreCountedWithPartitionAndOffset() throws Exception {
        broker.createTopic("bad-records", 3);
        broker.produce("bad-records", List.of(
                KafkaBroker.Record.value(2, "{\"ts\":\"2026-01-01 00:00:01\",\"k\":\"a\",\"v\":1}"),
                KafkaBroker.Record.value(2, "this is not json"),
                KafkaBroker.Record.value(2, "{\"ts\":\"2026-01-01 00:00:02\",\"k\":\"b\",\"v\":\"x\"}"),
                KafkaBroker.Record.value(0, "{\"ts\":\"2026-01-01 00:00:03\",\"k\":\"c\",\"v\":3}"),
                KafkaBroker.Record.value(2, "{\"ts\":\"2026-01-01 00:00:04\",\"k\":\"d\"}")));
        try (Engine engine = Engine.create(); Session session = engine.newSession()) {
            session.execute(kafkaTable("bad", "bad-records", "").replace("v INT,", "v INT NOT NULL,"));
            QuerySummary summary;
            List<String> rows = new ArrayList<>();
            try (ResultCursor cursor = session.execute("SELECT k, v FROM bad").cursor()) {
                Object[] row;
                while ((row = cursor.next()) != null) {
                    rows.add(Statements.format(row));
                }
                summary = cursor.summary();
            }
            rows.sort(null);
            assertEquals(List.of("a|1", "c|3"), rows);
            assertEquals(3, summary.malformedRecords(), "broken JSON, a string for an INT, a missing NOT NULL field");
            assertEquals("topic bad-records partition 2 offset 1", summary.firstMalformed().location());
            assertEquals("this is not json", summary.firstMalformed().record());
        }
    }

    @Test
    void aByteOrderMarkAtTheStartOfAValueIsSkipped() throws Exception {
        broker.createTopic("marked", 1);
        broker.produce("marked", List.of(
                KafkaBroker.Record.value(0, "\uFEFF2026-01-01 00:00:01,a,1"),
                KafkaBroker.Record.value(0, "\uFEFF{\"ts\":\"2026-01-01 00:00:02\",\"k\":\"b\",\"v\":2}"),
                KafkaBroker.Record.value(0, "2026-01-01 00:00:03,\uFEFFc,3")));
        try (Engine engine = Engine.create(); Session session = engine.newSession()) {
            session.execute(kafkaTable("marked_csv", "marked", "").replace("'json'", "'csv'"));
            session.execute(kafkaTable("marked_json", "marked", ""));
            assertEquals(List.of("a|1", "\uFEFFc|3"), readAll(session, "SELECT k, v FROM marked_csv"));
            assertEquals(List.of("b|2"), readAll(session, "SELECT k, v FROM marked_json"));
        }
    }

    private static List<String> readAll(Session session, String sql) throws InterruptedException {
        List<String> rows = new ArrayList<>();
        try (ResultCursor cursor = session.execute(sql).cursor()) {
            Object[] row;
            while ((row = cursor.next()) != null) {
                rows.add(Statements.format(row));
            }
        }
        return rows;
    }

    @Test
    void anIdlePartitionStopsHoldingTheWatermarkBack() throws Exception {
        broker.createTopic("half-idle", 2);
        List<KafkaBroker.Record> records = new ArrayList<>();
        for (int second = 0; second <= 12; second++) {
            records.add(KafkaBroker.Record.value(0, event(second)));
        }
        broker.produce("half-idle", records);
        try (Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(1));
             Session session = engine.newSession()) {
            session.execute(kafkaTable("half", "half-idle", ", 'scan.watermark.idle-timeout' = '300 ms'"));
            List<String> rows = new ArrayList<>();
            // Partition 1 has no record: only once it counts as idle does the watermark reach 00:00:11.
            try (ResultCursor cursor = session.execute(String.format(
                    "SELECT STREAM window_start, COUNT(*) AS c, SUM(v) AS s FROM TABLE(TUMBLE(TABLE %s,"
                            + " DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY window_start, window_end", "half")).cursor()) {
                while (rows.size() < 2) {
                    List<Object[]> batch = cursor.poll(10, 60_000);
                    assertTrue(batch != null && !batch.isEmpty(), "windows fire while the query runs");
                    batch.forEach(row -> rows.add(Statements.format(row)));
                }
            }
            rows.sort(null);
            assertEquals(List.of("2026-01-01 00:00:00.000|5|10", "2026-01-01 00:00:05.000|5|35"), rows);
            assertEquals(0, Statements.allocated(engine));
        }
    }

    @Test
    void stopJobEndsAnUnboundedJobAndFreesItsMemory() throws Exception {
        try (Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(2));
             Session session = engine.newSession()) {
            session.execute(kafkaTable("live", EVENTS, ""));
            session.execute("CREATE STREAM sink (ts TIMESTAMP(3), k STRING, v INT) WITH ('connector' = 'blackhole')");
            BackgroundJob job = Statements.startJob(session, "INSERT INTO sink SELECT * FROM live WHERE v >= 0");
            Statements.await("the job has written every event", () -> job.metrics().recordsOut() == EVENT_COUNT);
            assertEquals(QueryState.RUNNING, job.state(), "an unbounded source keeps the job running");
            assertEquals(List.of(job.id()), session.runningJobs().stream().map(BackgroundJob::id).toList());
            session.execute("STOP JOB '" + job.id() + "'");
            assertEquals(QueryState.CANCELLED, job.state());
            assertEquals(0, Statements.allocated(engine));
            List<String> listed = Statements.rows(session, "SHOW QUERIES");
            assertEquals(1, listed.size());
            assertTrue(listed.get(0).startsWith(job.id() + "|JOB|INSERT INTO sink SELECT * FROM live WHERE v >= 0|CANCELLED|"),
                    listed.get(0));
            assertTrue(listed.get(0).contains("|40|40|0|0|"), listed.get(0));
        }
    }

    @Test
    void statementSetReadsTheSharedSourceOnce() throws Exception {
        broker.createTopic("even-out", 1);
        broker.createTopic("odd-out", 1);
        try (Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(2));
             Session session = engine.newSession()) {
            session.execute(kafkaTable("src", EVENTS, ", 'scan.bounded.mode' = 'latest-offset'"));
            for (String name : List.of("even", "odd")) {
                session.execute("CREATE STREAM " + name + " (k STRING, v INT) WITH ('connector' = 'kafka', 'topic' = '"
                        + name + "-out', 'properties.bootstrap.servers' = '" + broker.bootstrapServers()
                        + "', 'format' = 'csv')");
            }
            session.execute("SET 'table.dml-sync' = 'true'");
            BackgroundJob job = Statements.startJob(session, "EXECUTE STATEMENT SET BEGIN "
                    + "INSERT INTO even SELECT k, v FROM src WHERE v % 2 = 0 AND v < 10; "
                    + "INSERT INTO odd SELECT k, v FROM src WHERE v % 2 = 1 AND v < 10; END");
            assertEquals(QueryState.FINISHED, job.state(), "dml-sync waited for the job");
            assertEquals(List.of("a,0", "a,2", "a,4", "a,6", "a,8"), values("even-out"));
            assertEquals(List.of("b,1", "b,3", "b,5", "b,7", "b,9"), values("odd-out"));
            assertEquals(EVENT_COUNT, job.metrics().recordsIn(), "one scan of the shared source");
            assertEquals(10, job.metrics().recordsOut());
            assertEquals(0, Statements.allocated(engine));
        }
    }

    private static List<String> values(String topic) {
        List<String> values = new ArrayList<>(broker.consumeAll(topic).stream().map(ConsumerRecord::value).toList());
        values.sort(null);
        return values;
    }

    @Test
    void badBootstrapAddressIsAConnectionError() {
        try (Engine engine = Engine.create(); Session session = engine.newSession()) {
            session.execute("CREATE STREAM nowhere (v INT) WITH ('connector' = 'kafka', 'topic' = 't',"
                    + " 'properties.bootstrap.servers' = '127.0.0.1:1', 'properties.default.api.timeout.ms' = '1500',"
                    + " 'format' = 'json')");
            session.execute("CREATE STREAM sink (v INT) WITH ('connector' = 'blackhole')");
            SluiceException e = assertThrows(SluiceException.class,
                    () -> session.execute("INSERT INTO sink SELECT v FROM nowhere"));
            assertEquals("08001", e.sqlState());
            assertTrue(e.getMessage().contains("cannot reach the Kafka cluster at '127.0.0.1:1'"), e.getMessage());
            SluiceException onRead = assertThrows(SluiceException.class,
                    () -> Statements.rows(session, "SELECT v FROM nowhere"));
            assertEquals("08001", onRead.sqlState());
            assertEquals(0, Statements.allocated(engine));
        }
    }

    @Test
    void missingTopicIsObjectNotFound() {
        try (Engine engine = Engine.create(); Session session = engine.newSession()) {
            session.execute(kafkaTable("missing", "no-such-topic", ""));
            session.execute("CREATE STREAM sink (ts TIMESTAMP(3), k STRING, v INT) WITH ('connector' = 'blackhole')");
            SluiceException e = assertThrows(SluiceException.class,
                    () -> session.execute("INSERT INTO sink SELECT * FROM missing"));
            assertEquals("42S02", e.sqlState());
            assertTrue(e.getMessage().contains("Kafka topic 'no-such-topic' does not exist"), e.getMessage());
            session.execute("CREATE STREAM out (v INT) WITH ('connector' = 'kafka', 'topic' = 'no-such-topic',"
                    + " 'properties.bootstrap.servers' = '" + broker.bootstrapServers() + "', 'format' = 'json')");
            SluiceException onWrite = assertThrows(SluiceException.class,
                    () -> session.execute("INSERT INTO out SELECT v FROM missing"));
            assertEquals("42S02", onWrite.sqlState());
        }
    }
}
