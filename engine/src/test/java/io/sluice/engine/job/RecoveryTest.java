package io.sluice.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.cdc.DatabaseRows;
import io.sluice.engine.kafka.KafkaBroker;
import io.sluice.engine.query.QueryState;
import io.sluice.runtime.checkpoint.CheckpointStats;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real SQL jobs with real connectors, checkpointing every 200 ms, whose run is failed mid-way
 * (after a checkpoint, with rows read since that no checkpoint holds) and restarted by the
 * fixed-delay strategy: what they write in the end is exactly what one uninterrupted run writes,
 * computed here from the input.
 */
class RecoveryTest {
    private static KafkaBroker broker;

    @TempDir
    Path directory;
    private Engine engine;
    private Session session;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.shared();
    }

    @BeforeEach
    void open() {
        engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(2));
        session = engine.newSession();
        session.execute("SET 'execution.checkpointing.interval' = '200 ms'");
        session.execute("SET 'state.checkpoints.dir' = '" + directory.resolve("checkpoints") + "'");
        session.execute("SET 'restart-strategy.type' = 'fixed-delay'");
        session.execute("SET 'restart-strategy.fixed-delay.attempts' = '1'");
        session.execute("SET 'restart-strategy.fixed-delay.delay' = '100 ms'");
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
    }

    @Test
    void aKafkaWindowAggregateIntoKafkaExactlyOnce() throws Exception {
        broker.createTopic("recovery-clicks", 2);
        broker.createTopic("recovery-windows", 1);
        session.execute("CREATE STREAM clicks (" + ClickEvents.COLUMNS + ") WITH (" + kafka("recovery-clicks")
                + ", 'scan.startup.mode' = 'earliest-offset', 'format' = 'json')");
        session.execute("CREATE STREAM windows (" + ClickEvents.RESULT_COLUMNS + ") WITH (" + kafka("recovery-windows")
                + ", 'format' = 'json', 'sink.delivery-guarantee' = 'exactly-once',"
                + " 'sink.transactional-id-prefix' = 'recovery-windows')");
        // checkpoints far enough apart that windows written after one are seen before the next
        session.execute("SET 'execution.checkpointing.interval' = '3 s'");
        BackgroundJob job = Statements.startJob(session, "INSERT INTO windows " + String.format(ClickEvents.WINDOWED, "clicks"));
        broker.produce("recovery-clicks", ClickEvents.records(0, 300));
        Statements.await("the job read the first events", () -> job.metrics().recordsIn() >= 300);
        awaitNextCheckpoint(job);
        broker.produce("recovery-clicks", ClickEvents.records(300, 400));
        // By hand: event 399's watermark, 00:01:38.750, closes the 9 windows before 00:01:30 for each of 3
        // keys. Once they are written (in a transaction no checkpoint has committed yet), the run fails.
        Statements.await("the windows of the second events are written",
                () -> broker.consumeAll("recovery-windows", "read_uncommitted").size() >= 27);
        failRun(job);
        broker.produce("recovery-clicks", ClickEvents.records(400, 600));
        broker.produce("recovery-clicks", ClickEvents.flush());

        List<String> expected = ClickEvents.expectedWindows(600);
        assertEquals(expected, awaitCommitted(job, "recovery-windows", expected.size()));
        stop(job);
    }

    @Test
    void aFileWindowAggregateIntoFilesExactlyOnce() throws Exception {
        int events = 100_000;
        Path input = ClickEvents.writeCsv(directory.resolve("clicks.csv"), events);
        Path output = directory.resolve("windows");
        session.execute("CREATE STREAM clicks (" + ClickEvents.COLUMNS + ") WITH ('connector' = 'file', 'path' = '"
                + input + "', 'format' = 'csv')");
        session.execute("CREATE TABLE windows (" + ClickEvents.RESULT_COLUMNS + ") WITH ('connector' = 'file', "
                + "'path' = '" + output + "', 'format' = 'csv')");
        // Rows one at a time and checkpoints often, so that the file is still being read when the
        // first checkpoint completes: a job whose sources ended takes none.
        session.execute("SET 'batch.size' = '1'");
        session.execute("SET 'execution.checkpointing.interval' = '20 ms'");
        BackgroundJob job = Statements.startJob(session, "INSERT INTO windows " + String.format(ClickEvents.WINDOWED, "clicks"));
        Statements.await("the job completed a checkpoint", () -> lastCheckpoint(job) > 0);
        assertEquals(QueryState.RUNNING, job.state(), "the job read its file before its first checkpoint");
        job.failRun(new SluiceException(ErrorCode.IO_ERROR, "a failure injected by the test"));
        assertTrue(job.await(Duration.ofSeconds(60)), "the bounded job ends");
        assertEquals(QueryState.FINISHED, job.state());

        List<String> written = new ArrayList<>();
        try (Stream<Path> parts = Files.list(output)) {
            for (Path part : parts.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                for (String line : Files.readAllLines(part)) {
                    written.add(line.replace(',', '|'));
                }
            }
        }
        written.sort(null);
        assertEquals(ClickEvents.expectedWindowRows(events), written);
        stop(job);
    }

    @Test
    void aKafkaLeftJoinIntoAChangelogTopicExactlyOnce() throws Exception {
        broker.createTopic("recovery-orders", 2);
        broker.createTopic("recovery-customers", 2);
        broker.createTopic("recovery-joined", 1);
        session.execute("CREATE STREAM orders (id INT, customer INT, amount INT) WITH (" + kafka("recovery-orders")
                + ", 'scan.startup.mode' = 'earliest-offset', 'format' = 'json')");
        session.execute("CREATE STREAM customers (id INT, name STRING) WITH (" + kafka("recovery-customers")
                + ", 'scan.startup.mode' = 'earliest-offset', 'format' = 'json')");
        session.execute("CREATE TABLE joined (id INT, amount INT, name STRING) WITH (" + kafka("recovery-joined")
                + ", 'format' = 'debezium-json', 'sink.delivery-guarantee' = 'exactly-once',"
                + " 'sink.transactional-id-prefix' = 'recovery-joined')");
        BackgroundJob job = Statements.startJob(session, "INSERT INTO joined SELECT o.id, o.amount, c.name"
                + " FROM orders o LEFT JOIN customers c ON o.customer = c.id");
        // Orders 0..299 of customers 0..29 (order i is customer's i % 30); customers come in three
        // groups, the last after the failure, so that joined rows are retracted and added on both sides of it.
        failMidRun(job, () -> {
            broker.produce("recovery-orders", orders(0, 150));
            broker.produce("recovery-customers", customers(0, 10));
        }, 160, () -> {
            broker.produce("recovery-customers", customers(10, 20));
            broker.produce("recovery-orders", orders(150, 200));
        }, 60);
        broker.produce("recovery-orders", orders(200, 300));
        broker.produce("recovery-customers", customers(20, 30));

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            expected.add("{\"id\":" + i + ",\"amount\":" + i * 10 + ",\"name\":\"c" + i % 30 + "\"}");
        }
        expected.sort(null);
        Statements.await("the joined topic holds every order with its customer", () -> {
            Map<String, Integer> rows = applyChangelog(broker.consumeAll("recovery-joined", "read_committed"));
            return rows.keySet().stream().filter(row -> !row.contains("null")).count() >= expected.size();
        });
        awaitNextCheckpoint(job);
        Map<String, Integer> rows = applyChangelog(broker.consumeAll("recovery-joined", "read_committed"));
        // a change written twice would leave a row counted twice, or one deleted twice below zero
        assertEquals(expected, multiset(rows));
        stop(job);
    }

    @Test
    void aKafkaGroupByIntoAJdbcTableByItsKey() throws Exception {
        broker.createTopic("recovery-totals-in", 2);
        String url = "jdbc:h2:mem:recovery" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Connection h2 = DriverManager.getConnection(url); Statement sql = h2.createStatement()) {
            sql.execute("CREATE TABLE totals (k VARCHAR(10) PRIMARY KEY, c BIGINT, s BIGINT)");
            session.execute("CREATE STREAM clicks (" + ClickEvents.COLUMNS + ") WITH (" + kafka("recovery-totals-in")
                    + ", 'scan.startup.mode' = 'earliest-offset', 'format' = 'json')");
            session.execute("CREATE TABLE totals (k STRING, c BIGINT, s BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ("
                    + "'connector' = 'jdbc', 'url' = '" + url + "', 'table-name' = 'totals')");
            BackgroundJob job = Statements.startJob(session,
                    "INSERT INTO totals SELECT k, COUNT(*), SUM(CAST(v AS BIGINT)) FROM clicks GROUP BY k");
            failMidRun(job,
                    () -> broker.produce("recovery-totals-in", ClickEvents.records(0, 300)), 300,
                    () -> broker.produce("recovery-totals-in", ClickEvents.records(300, 400)), 100);
            broker.produce("recovery-totals-in", ClickEvents.records(400, 600));

            // by hand: k0 has i = 0, 3, ..., 597 (200 events, sum 3 * (0 + ... + 199) = 59700),
            // k1 adds 1 to each (59900), k2 adds 2 (60100)
            List<String> expected = List.of("k0|200|59700", "k1|200|59900", "k2|200|60100");
            String query = "SELECT k, c, s FROM totals ORDER BY k";
            Statements.await("the table holds the totals of every event",
                    () -> expected.equals(rowsOf(sql, query)));
            awaitNextCheckpoint(job);
            assertEquals(expected, DatabaseRows.of(sql, query));
            stop(job);
        }
    }

    /**
     * Feeds a job's first input, waits until it is read and a checkpoint holds it, feeds the
     * second, waits until it is read, and fails the run; returns once the job runs again.
     */
    private static void failMidRun(BackgroundJob job, Runnable first, long firstRecords, Runnable second,
                                   long secondRecords) throws InterruptedException {
        first.run();
        Statements.await("the job read its first input", () -> job.metrics().recordsIn() >= firstRecords);
        awaitNextCheckpoint(job);
        second.run();
        Statements.await("the job read its second input",
                () -> job.metrics().recordsIn() >= firstRecords + secondRecords);
        failRun(job);
    }

    /** Fails the job's run and waits until it runs again and has taken a checkpoint. */
    private static void failRun(BackgroundJob job) throws InterruptedException {
        job.failRun(new SluiceException(ErrorCode.IO_ERROR, "a failure injected by the test"));
        Statements.await("the job restarted", () -> job.restarts() == 1);
        awaitNextCheckpoint(job);
        assertEquals(QueryState.RUNNING, job.state());
    }

    private static void awaitNextCheckpoint(BackgroundJob job) throws InterruptedException {
        long last = lastCheckpoint(job);
        Statements.await("the job completed another checkpoint", () -> lastCheckpoint(job) > last);
    }

    private static long lastCheckpoint(BackgroundJob job) {
        return job.lastCheckpoint().map(CheckpointStats::id).orElse(0L);
    }

    /**
     * Waits until a topic holds at least this many records for {@code read_committed} consumers,
     * then one more checkpoint (whose commit would show a record written twice); returns its values, sorted.
     */
    private static List<String> awaitCommitted(BackgroundJob job, String topic, int count) throws InterruptedException {
        Statements.await(topic + " holds " + count + " committed records",
                () -> broker.consumeAll(topic, "read_committed").size() >= count);
        awaitNextCheckpoint(job);
        List<String> values = new ArrayList<>();
        for (ConsumerRecord<String, String> record : broker.consumeAll(topic, "read_committed")) {
            values.add(record.value());
        }
        values.sort(null);
        return values;
    }

    private void stop(BackgroundJob job) throws InterruptedException {
        assertEquals(1, job.restarts());
        if (job.state() == QueryState.RUNNING) {
            engine.jobs().stop(job);
        }
        assertEquals(0, Statements.allocated(engine));
    }

    private static String kafka(String topic) {
        return "'connector' = 'kafka', 'topic' = '" + topic + "', 'properties.bootstrap.servers' = '"
                + broker.bootstrapServers() + "'";
    }

    /** Order {@code i}: customer {@code i % 30}, amount {@code 10 i}. */
    private static List<KafkaBroker.Record> orders(int from, int to) {
        List<KafkaBroker.Record> records = new ArrayList<>();
        for (int i = from; i < to; i++) {
            records.add(KafkaBroker.Record.value(i % 2, "{\"id\":" + i + ",\"customer\":" + i % 30 + ",\"amount\":"
                    + i * 10 + "}"));
        }
        return records;
    }

    private static List<KafkaBroker.Record> customers(int from, int to) {
        List<KafkaBroker.Record> records = new ArrayList<>();
        for (int i = from; i < to; i++) {
            records.add(KafkaBroker.Record.value(i % 2, "{\"id\":" + i + ",\"name\":\"c" + i + "\"}"));
        }
        return records;
    }

    /**
     * The rows a Debezium changelog leaves, each with how many times it is there: a create adds
     * its {@code after}, a delete takes its {@code before} away.
     */
    private static Map<String, Integer> applyChangelog(List<ConsumerRecord<String, String>> records) {
        Map<String, Integer> rows = new TreeMap<>();
        for (ConsumerRecord<String, String> record : records) {
            String value = record.value();
            String before = value.substring(value.indexOf("\"before\":") + 9, value.indexOf(",\"after\":"));
            String after = value.substring(value.indexOf("\"after\":") + 8, value.indexOf(",\"op\":"));
            if (!before.equals("null")) {
                rows.merge(before, -1, Integer::sum);
            }
            if (!after.equals("null")) {
                rows.merge(after, 1, Integer::sum);
            }
        }
        return rows;
    }

    /** Each row as many times as it is there; a row there less than never is kept with its count, to fail. */
    private static List<String> multiset(Map<String, Integer> rows) {
        List<String> all = new ArrayList<>();
        rows.forEach((row, count) -> {
            if (count < 0) {
                all.add(count + " times " + row);
            }
            for (int i = 0; i < count; i++) {
                all.add(row);
            }
        });
        all.sort(null);
        return all;
    }

    private static List<String> rowsOf(Statement sql, String query) {
        try {
            return DatabaseRows.of(sql, query);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
