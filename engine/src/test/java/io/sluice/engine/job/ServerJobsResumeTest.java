package io.sluice.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.kafka.KafkaBroker;
import io.sluice.engine.query.QueryState;
import io.sluice.runtime.checkpoint.CheckpointStorage;
import io.sluice.runtime.security.AccessPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine with a data directory, as {@code sluice server --data-dir} runs one: its INSERT jobs
 * and materialized views survive the engine going away without stopping them (or being killed),
 * and the next engine on the same directory resumes them from their newest checkpoints.
 */
class ServerJobsResumeTest {
    /**
     * 10000 events at 1000 a second: the job runs about ten seconds, long enough to be cut short.
     * They start two seconds after the table is made, once the job has taken its first checkpoints.
     */
    private static final String BIDS = "(auction BIGINT, bidder BIGINT, price BIGINT) WITH ('connector' = 'nexmark', "
            + "'event-type' = 'bid', 'events.num' = '10000', 'first-event.rate' = '1000', 'rate-limited' = '%s', "
            + "'base-time' = '%s')";
    private static final DateTimeFormatter BASE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path data;

    private Engine server() {
        AccessPolicy policy = AccessPolicy.closed(data).allowRead(data).allowWrite(data).build();
        return Engine.create(EngineConfig.defaults().withDefaultParallelism(2).withAccessPolicy(policy), data);
    }

    @Test
    void aRunningJobResumesUnderItsIdInTheNextEngineWithNothingLostAndNothingTwice() throws Exception {
        String id;
        String statement;
        List<String> expected = new ArrayList<>();
        try (Engine first = server(); Session session = first.newSession()) {
            // the same events, generated at once by a table that is not rate-limited
            session.execute("CREATE STREAM all_bids " + bids(false, Instant.now()));
            for (String row : Statements.rows(session, "SELECT auction, bidder, price FROM all_bids")) {
                expected.add(row.replace('|', ','));
            }
            expected.sort(null);
            assertEquals(9200, expected.size(), "46 of every 50 events are bids");

            session.execute("CREATE STREAM bids " + bids(true, Instant.now().plusSeconds(2)));
            session.execute("CREATE TABLE out (auction BIGINT, bidder BIGINT, price BIGINT) "
                    + "WITH ('connector' = 'file', 'path' = 'out', 'format' = 'csv')");
            session.execute("SET 'execution.checkpointing.interval' = '100 ms'");
            BackgroundJob job = Statements.startJob(session, "INSERT INTO out SELECT auction, bidder, price FROM bids");
            // at 100 ms a checkpoint, several have completed since the first rows
            Statements.await("a good part of the rows was written", () -> job.metrics().recordsOut() >= 2000);
            assertEquals(QueryState.RUNNING, job.state(), "the job is cut short");
            id = job.id();
            statement = job.statement();
            assertTrue(Files.isRegularFile(data.resolve("jobs").resolve(id).resolve("job.json")));
            // the engine goes away with the job running: rows written since its last checkpoint stay hidden
        }

        try (Engine second = server(); Session session = second.newSession()) {
            BackgroundJob resumed = second.jobs().find(id).orElseThrow(() -> new AssertionError("not resumed"));
            assertEquals(statement, resumed.statement());
            String listed = Statements.rows(session, "SHOW JOBS").get(0);
            assertTrue(listed.startsWith(id + "|JOB|" + statement + "|"), listed);
            assertTrue(resumed.await(Duration.ofSeconds(60)), "the resumed job ends with its source");
            assertEquals(QueryState.FINISHED, resumed.state(), String.valueOf(resumed.failure()));
            Statements.await("the finished job is forgotten", () -> !Files.exists(data.resolve("jobs").resolve(id)));

            assertEquals(expected, Statements.committedRows(data.resolve("out")));
            assertEquals(0, Statements.allocated(second));
        }
    }

    @Test
    void aJobStoppedWithStopJobIsForgotten() throws Exception {
        try (Engine first = server(); Session session = first.newSession()) {
            session.execute("CREATE STREAM bids " + bids(true, Instant.now().plusSeconds(2)));
            session.execute("CREATE TABLE out (auction BIGINT, bidder BIGINT, price BIGINT) "
                    + "WITH ('connector' = 'blackhole')");
            session.execute("SET 'execution.checkpointing.interval' = '100 ms'");
            BackgroundJob job = Statements.startJob(session, "INSERT INTO out SELECT auction, bidder, price FROM bids");
            Statements.await("a checkpoint completed", () -> job.lastCheckpoint().isPresent());
            session.execute("STOP JOB '" + job.id() + "'");
            assertFalse(Files.exists(data.resolve("jobs").resolve(job.id())));
            assertFalse(Files.exists(job.checkpointDirectory().orElseThrow()), "its checkpoints are deleted");
        }
        try (Engine second = server()) {
            assertEquals(List.of(), second.jobs().list());
            assertTrue(second.catalog().get("bids") != null, "the catalog is recreated");
        }
    }

    @Test
    void aMaterializedViewResumesFromItsCheckpointAfterAKillWithEveryRowOnce() throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        broker.createTopic("view-input", 2);
        int events = 3000;
        int chunk = 100;
        // counted here, by key: what the view must hold in the end
        Map<String, long[]> byKey = new TreeMap<>();
        for (int i = 0; i < events; i++) {
            long[] sums = byKey.computeIfAbsent("k" + i % 37, key -> new long[2]);
            sums[0]++;
            sums[1] += i;
        }
        List<String> expected = new ArrayList<>();
        byKey.forEach((key, sums) -> expected.add(key + "|" + sums[0] + "|" + sums[1]));
        expected.sort(null);
        Process first = serverProcess(0, "CREATE STREAM input (k STRING, v BIGINT) WITH ('connector' = 'kafka', "
                        + "'topic' = 'view-input', 'properties.bootstrap.servers' = '" + broker.bootstrapServers() + "', "
                        + "'scan.startup.mode' = 'earliest-offset', 'format' = 'json')",
                "SET 'execution.checkpointing.interval' = '100 ms'",
                "CREATE MATERIALIZED VIEW totals AS SELECT k, COUNT(*) AS n, SUM(v) AS total FROM input GROUP BY k");
        Path kept = data.resolve("jobs");
        CompletableFuture<Void> input;
        try {
            Statements.await("the view's job is kept", () -> Files.isDirectory(kept) && kept.toFile().list().length == 1
                    && Files.isRegularFile(kept.resolve(kept.toFile().list()[0]).resolve("job.json")));
            Path checkpoints = data.resolve("checkpoints").resolve(jobStorage(kept));
            Statements.await("the view's job took a checkpoint", () -> !completedCheckpoints(checkpoints).isEmpty());
            // the input flows for about six seconds from now
            input = CompletableFuture.runAsync(() -> {
                for (int from = 0; from < events; from += chunk) {
                    List<KafkaBroker.Record> records = new ArrayList<>();
                    for (int i = from; i < from + chunk; i++) {
                        records.add(KafkaBroker.Record.value(i % 2, "{\"k\":\"k" + i % 37 + "\",\"v\":" + i + "}"));
                    }
                    broker.produce("view-input", records);
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
            Thread.sleep(1500);
            assertFalse(input.isDone(), "the view's job is killed while its input flows");
        } finally {
            first.destroyForcibly().waitFor();
        }
        input.get(60, TimeUnit.SECONDS);
        Process second = serverProcess(1);
        try {
            assertTrue(second.waitFor(120, TimeUnit.SECONDS), "the resumed view's job reads its input");
            String log = processLog(1);
            assertTrue(log.contains("done"), log);
            List<String> rows = new ArrayList<>();
            for (String line : log.split("\n")) {
                if (line.startsWith("row ")) {
                    rows.add(line.substring(4));
                }
            }
            rows.sort(null);
            List<String> missing = new ArrayList<>(expected);
            missing.removeAll(rows);
            List<String> unexpected = new ArrayList<>(rows);
            unexpected.removeAll(expected);
            assertEquals(expected.size(), rows.size(), "rows of the view; missing " + first(missing) + ", unexpected "
                    + first(unexpected));
            assertEquals(List.of(), unexpected, "the view holds every bid once");
        } finally {
            second.destroyForcibly().waitFor();
        }
    }

    private static List<String> first(List<String> rows) {
        return rows.subList(0, Math.min(10, rows.size()));
    }

    /** A server engine on the data directory in a process of its own, running {@code statements}. */
    private Process serverProcess(int run, String... statements) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx512m", ServerProcess.class.getName(),
                data.toString(), "SELECT SUM(n) FROM totals", "3000", "SELECT * FROM totals"));
        command.addAll(List.of(statements));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(data.getFileName() + "-run-" + run + ".log").toFile()).start();
    }

    private String processLog(int run) throws IOException {
        return Files.readString(data.resolveSibling(data.getFileName() + "-run-" + run + ".log"));
    }

    private static List<Long> completedCheckpoints(Path jobDirectory) {
        try {
            return Files.isDirectory(jobDirectory) ? CheckpointStorage.completed(jobDirectory) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The checkpoint directory name of the one kept job. */
    private static String jobStorage(Path kept) throws IOException {
        try (var jobs = Files.list(kept)) {
            Path job = jobs.findFirst().orElseThrow();
            String json = Files.readString(job.resolve("job.json"));
            java.util.regex.Matcher storage = java.util.regex.Pattern.compile("\"checkpointStorage\" : \"([^\"]+)\"")
                    .matcher(json);
            assertTrue(storage.find(), json);
            assertTrue(json.contains("\"view\" : \"totals\""), json);
            return storage.group(1);
        }
    }

    private static String bids(boolean rateLimited, Instant baseTime) {
        return String.format(BIDS, rateLimited, BASE_TIME.format(baseTime));
    }

}
