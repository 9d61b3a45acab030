package io.sluice.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.query.QueryState;
import io.sluice.runtime.security.AccessPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine with a data directory, as {@code sluice server --data-dir} runs one: its INSERT jobs
 * survive the engine going away without stopping them, and the next engine on the same
 * directory resumes them from their newest checkpoints.
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

    @TempDir
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

    private static String bids(boolean rateLimited, Instant baseTime) {
        return String.format(BIDS, rateLimited, BASE_TIME.format(baseTime));
    }

}
