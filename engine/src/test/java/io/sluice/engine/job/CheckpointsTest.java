package io.sluice.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.query.QueryState;
import io.sluice.engine.values.ValuesSource;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.runtime.checkpoint.CheckpointMetadata;
import io.sluice.runtime.checkpoint.CheckpointStats;
import io.sluice.runtime.checkpoint.CheckpointStorage;
import io.sluice.runtime.checkpoint.CompletedCheckpoint;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** INSERT INTO jobs that take checkpoints as the session's options say, and SHOW JOBS listing them. */
class CheckpointsTest {
    @TempDir
    Path directory;
    private Engine engine;
    private Session session;

    @BeforeEach
    void open() {
        engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(2));
        session = engine.newSession();
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
    }

    @Test
    void anInsertJobTakesCheckpointsKeepsTheNewestAndShowJobsListsIt() throws Exception {
        session.execute("CREATE STREAM t (k STRING, v INT) WITH ('connector' = 'values', 'bounded' = 'false')");
        ValuesSource source = (ValuesSource) ((CatalogTable) engine.catalog().get("t")).source();
        for (int i = 0; i < 20; i++) {
            source.addRow("k" + i % 3 + "|" + i);
        }
        session.execute("CREATE TABLE out (k STRING, v INT) WITH ('connector' = 'blackhole')");
        session.execute("SET 'execution.checkpointing.interval' = '50 ms'");
        session.execute("SET 'state.checkpoints.dir' = '" + directory + "'");
        session.execute("SET 'execution.checkpointing.externalized-checkpoint-retention' = 'RETAIN_ON_CANCELLATION'");
        BackgroundJob job = Statements.startJob(session, "INSERT INTO out SELECT k, v FROM t WHERE v > 3");
        Statements.await("the job completed two checkpoints",
                () -> job.lastCheckpoint().map(c -> c.id() >= 2).orElse(false));

        String listed = Statements.rows(session, "SHOW JOBS").get(0);
        assertTrue(listed.contains("|RUNNING|") && listed.contains("|EXACTLY_ONCE|"), listed);
        String[] columns = listed.split("\\|");
        // ..., checkpointing, last_checkpoint, its time, bytes, millis, savepoint, restarts, source_retries, error
        assertTrue(Long.parseLong(columns[columns.length - 8]) >= 2, listed);
        assertEquals("0", columns[columns.length - 3], listed);
        engine.jobs().stop(job);
        assertEquals(0, Statements.allocated(engine));

        // stopped, the job takes no more: what is on disk holds still
        List<Path> jobDirectories;
        try (Stream<Path> listing = Files.list(directory)) {
            jobDirectories = listing.toList();
        }
        assertEquals(1, jobDirectories.size());
        assertTrue(jobDirectories.get(0).getFileName().toString().startsWith(job.id() + "-"), jobDirectories.toString());
        CheckpointStats last = job.lastCheckpoint().orElseThrow();
        assertEquals(List.of(last.id()), CheckpointStorage.completed(jobDirectories.get(0)), "only the newest is kept");
        CompletedCheckpoint read = CheckpointStorage.read(last.directory());
        assertTrue(read.metadata().parts().stream().map(CheckpointMetadata.Part::operator).toList().contains("t"),
                "the values reader's position is in it: " + read.metadata().parts());
    }

    @Test
    void aStoppedJobDeletesItsCheckpointsUnlessTheyAreRetained() throws Exception {
        session.execute("CREATE STREAM t (k STRING, v INT) WITH ('connector' = 'values', 'bounded' = 'false')");
        session.execute("CREATE TABLE out (k STRING, v INT) WITH ('connector' = 'blackhole')");
        session.execute("SET 'execution.checkpointing.interval' = '50 ms'");
        session.execute("SET 'state.checkpoints.dir' = '" + directory + "'");
        BackgroundJob job = Statements.startJob(session, "INSERT INTO out SELECT k, v FROM t");
        Statements.await("the job completed a checkpoint", () -> job.lastCheckpoint().isPresent());
        engine.jobs().stop(job);
        try (Stream<Path> listing = Files.list(directory)) {
            assertEquals(List.of(), listing.toList());
        }
    }

    @Test
    void anExactlyOnceKafkaSinkIsRefusedToAJobWithoutCheckpoints() {
        session.execute("CREATE STREAM t (k STRING, v INT) WITH ('connector' = 'values', 'bounded' = 'false')");
        session.execute("CREATE TABLE out (k STRING, v INT) WITH ('connector' = 'kafka', 'topic' = 'out', "
                + "'properties.bootstrap.servers' = 'localhost:1', 'format' = 'json', "
                + "'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = 'out-job')");
        String expected = "INSERT INTO 'out': its connector 'kafka' with 'sink.delivery-guarantee' = 'exactly-once' "
                + "makes its rows visible only when a checkpoint completes, and this job takes none: "
                + "SET 'execution.checkpointing.interval' (such as '10 s') before the INSERT, or write at least once";
        SluiceException insert = assertThrows(SluiceException.class,
                () -> session.execute("INSERT INTO out SELECT k, v FROM t"));
        assertEquals(ErrorCode.INVALID_OPTION, insert.code());
        assertEquals("42P17", insert.code().sqlState());
        assertTrue(insert.getMessage().contains(expected), insert.getMessage());
        assertTrue(insert.hasPosition(), "the error names the statement's line and column");
        SluiceException set = assertThrows(SluiceException.class, () -> session.execute(
                "EXECUTE STATEMENT SET BEGIN INSERT INTO out SELECT k, v FROM t; END"));
        assertTrue(set.getMessage().contains(expected), set.getMessage());
        assertEquals(List.of(), engine.jobs().running(session.id()), "no job started");
    }

    @Test
    void aJobOverASourceThatCannotReplaySaysItIsAtMostOnce() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            session.execute("CREATE STREAM lines (line STRING) WITH ('connector' = 'socket', 'hostname' = 'localhost', "
                    + "'port' = '" + server.getLocalPort() + "', 'format' = 'csv')");
            session.execute("CREATE TABLE out (line STRING) WITH ('connector' = 'blackhole')");
            session.execute("SET 'execution.checkpointing.interval' = '1 min'");
            session.execute("SET 'state.checkpoints.dir' = '" + directory + "'");
            BackgroundJob job = Statements.startJob(session, "INSERT INTO out SELECT line FROM lines");
            assertEquals("AT_MOST_ONCE (lines cannot replay what was read)", job.checkpointing());
            engine.jobs().stop(job);
        }
        assertEquals(0, Statements.allocated(engine));
    }

    @Test
    void aFailingJobRestartsAsItsStrategySaysThenFails() throws Exception {
        session.execute("CREATE STREAM t (k STRING, v INT) WITH ('connector' = 'values', 'bounded' = 'false')");
        ValuesSource source = (ValuesSource) ((CatalogTable) engine.catalog().get("t")).source();
        source.addRow("a|1");
        source.addRow("b|0");
        session.execute("CREATE TABLE out (k STRING, v INT) WITH ('connector' = 'blackhole')");
        session.execute("SET 'execution.checkpointing.interval' = '1 min'");
        session.execute("SET 'state.checkpoints.dir' = '" + directory + "'");
        session.execute("SET 'restart-strategy.type' = 'fixed-delay'");
        session.execute("SET 'restart-strategy.fixed-delay.attempts' = '2'");
        session.execute("SET 'restart-strategy.fixed-delay.delay' = '10 ms'");
        // every run reads b|0 again and fails on it
        BackgroundJob job = Statements.startJob(session, "INSERT INTO out SELECT k, 10 / v FROM t");
        job.ended().get();
        assertEquals(QueryState.FAILED, job.state());
        assertEquals(2, job.restarts());
        assertEquals(ErrorCode.DIVISION_BY_ZERO, job.failure().code());
        String listed = Statements.rows(session, "SHOW JOBS").get(0);
        assertTrue(listed.contains("|FAILED|") && listed.endsWith("|2|0|" + job.failure().getMessage()), listed);
        assertEquals(0, Statements.allocated(engine));
    }

    @Test
    void withoutAnIntervalAJobTakesNoCheckpoints() throws Exception {
        session.execute("CREATE STREAM t (k STRING, v INT) WITH ('connector' = 'values', 'bounded' = 'false')");
        session.execute("CREATE TABLE out (k STRING, v INT) WITH ('connector' = 'blackhole')");
        BackgroundJob job = Statements.startJob(session, "INSERT INTO out SELECT k, v FROM t");
        assertEquals("OFF", job.checkpointing());
        engine.jobs().stop(job);
        assertTrue(job.lastCheckpoint().isEmpty());
    }

    @Test
    void badOptionValuesAreRefusedWhenSet() {
        assertRefused("SET 'execution.checkpointing.interval' = 'soon'", ErrorCode.INVALID_OPTION,
                "'execution.checkpointing.interval' must be a positive duration such as '10 s', '500 ms' or '1 min', not 'soon'");
        assertRefused("SET 'execution.checkpointing.interval' = '0 s'", ErrorCode.INVALID_OPTION, "positive duration");
        assertRefused("SET 'execution.checkpointing.mode' = 'SOMETIMES'", ErrorCode.INVALID_OPTION,
                "'execution.checkpointing.mode' must be EXACTLY_ONCE or AT_LEAST_ONCE, not 'SOMETIMES'");
        assertRefused("SET 'state.checkpoints.num-retained' = '0'", ErrorCode.INVALID_OPTION, "positive integer");
        assertRefused("SET 'execution.checkpointing.externalized-checkpoint-retention' = 'KEEP'", ErrorCode.INVALID_OPTION,
                "must be DELETE_ON_CANCELLATION or RETAIN_ON_CANCELLATION, not 'KEEP'");
        assertRefused("SET 'restart-strategy.type' = 'failure-rate'", ErrorCode.UNSUPPORTED, "'failure-rate' is not supported");
        assertRefused("SET 'restart-strategy.type' = 'sometimes'", ErrorCode.INVALID_OPTION,
                "must be 'none', 'fixed-delay' or 'exponential-delay'");
        assertRefused("SET 'restart-strategy.fixed-delay.attempts' = '-1'", ErrorCode.INVALID_OPTION, "at least 0");
        assertRefused("SET 'restart-strategy.exponential-delay.backoff-multiplier' = '0.5'", ErrorCode.INVALID_OPTION,
                "a number of at least 1");
        session.execute("SET 'execution.checkpointing.mode' = 'at_least_once'");
        session.execute("SET 'restart-strategy.type' = 'fixed-delay'");
    }

    private void assertRefused(String statement, ErrorCode code, String message) {
        SluiceException refused = assertThrows(SluiceException.class, () -> session.execute(statement));
        assertEquals(code, refused.code(), refused.getMessage());
        assertTrue(refused.getMessage().contains(message), refused.getMessage());
    }
}
