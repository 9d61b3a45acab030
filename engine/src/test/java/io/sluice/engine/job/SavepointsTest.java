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
import io.sluice.runtime.checkpoint.CheckpointStorage;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STOP JOB ... WITH SAVEPOINT, and INSERT jobs resuming from a savepoint or checkpoint named by 'execution.savepoint.path'. */
class SavepointsTest {
    @TempDir
    Path directory;
    private Engine engine;
    private Session session;
    private ValuesSource source;

    @BeforeEach
    void open() {
        engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(2));
        session = engine.newSession();
        session.execute("CREATE STREAM t (k STRING, v INT) WITH ('connector' = 'values', 'bounded' = 'false')");
        source = (ValuesSource) ((CatalogTable) engine.catalog().get("t")).source();
        session.execute("CREATE TABLE out (k STRING, v INT) WITH ('connector' = 'file', 'path' = '"
                + directory.resolve("out") + "', 'format' = 'csv')");
        session.execute("SET 'execution.checkpointing.interval' = '50 ms'");
        session.execute("SET 'state.checkpoints.dir' = '" + directory.resolve("checkpoints") + "'");
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
    }

    @Test
    void aJobStoppedWithASavepointResumesFromItWithNothingLostAndNothingTwice() throws Exception {
        addRows(0, 10);
        BackgroundJob first = Statements.startJob(session, "INSERT INTO out SELECT k, v FROM t");
        Statements.await("the first rows were read", () -> first.metrics().recordsOut() == 10);

        String stopped = session.execute("STOP JOB '" + first.id() + "' WITH SAVEPOINT").message();
        Path savepoint = first.savepoint().orElseThrow();
        assertEquals("Job " + first.id() + " stopped with savepoint '" + savepoint + "'", stopped);
        assertEquals(directory.resolve("checkpoints").resolve("savepoints"), savepoint.getParent());
        assertTrue(Files.isRegularFile(savepoint.resolve(CheckpointStorage.METADATA)), "a complete checkpoint");
        String listed = Statements.rows(session, "SHOW JOBS").get(0);
        assertTrue(listed.contains("|CANCELLED|") && listed.contains("|" + savepoint + "|"), listed);
        assertEquals(sortedRows(0, 10), Statements.committedRows(directory.resolve("out")), "the savepoint committed what came before it");

        addRows(10, 25);
        session.execute("SET 'execution.savepoint.path' = '" + savepoint + "'");
        BackgroundJob second = Statements.startJob(session, "INSERT INTO out SELECT k, v FROM t");
        Statements.await("the rows after the savepoint were read", () -> second.metrics().recordsOut() == 15);
        session.execute("STOP JOB '" + second.id() + "' WITH SAVEPOINT");

        assertEquals(sortedRows(0, 25), Statements.committedRows(directory.resolve("out")));
        assertEquals(0, Statements.allocated(engine));
    }

    @Test
    void aJobsCheckpointDirectoryResumesFromItsNewestCompleteCheckpoint() throws Exception {
        session.execute("SET 'execution.checkpointing.externalized-checkpoint-retention' = 'RETAIN_ON_CANCELLATION'");
        addRows(0, 6);
        BackgroundJob first = Statements.startJob(session, "INSERT INTO out SELECT k, v FROM t");
        Statements.await("a checkpoint after the rows committed them", () -> writtenRowsUnchecked().size() == 6);
        engine.jobs().stop(first);

        addRows(6, 9);
        session.execute("SET 'execution.savepoint.path' = '" + first.checkpointDirectory().orElseThrow() + "'");
        BackgroundJob second = Statements.startJob(session, "INSERT INTO out SELECT k, v FROM t");
        Statements.await("the new rows were read", () -> second.metrics().recordsOut() == 3);
        session.execute("STOP JOB '" + second.id() + "' WITH SAVEPOINT");

        assertEquals(sortedRows(0, 9), Statements.committedRows(directory.resolve("out")));
    }

    @Test
    void aSavepointOfAnotherPlanIsRefusedWhenTheInsertRunsNamingWhatDiffersUnlessUnclaimedStateIsIgnored() throws Exception {
        addRows(0, 3);
        BackgroundJob first = Statements.startJob(session, "INSERT INTO out SELECT k, v FROM t");
        Statements.await("the rows were read", () -> first.metrics().recordsOut() == 3);
        session.execute("STOP JOB '" + first.id() + "' WITH SAVEPOINT");

        session.execute("SET 'execution.savepoint.path' = '" + first.savepoint().orElseThrow() + "'");
        session.execute("CREATE STREAM other (k STRING, v INT) WITH ('connector' = 'values', 'bounded' = 'false')");
        SluiceException refused = assertThrows(SluiceException.class,
                () -> session.execute("INSERT INTO out SELECT k, v FROM other"));
        assertEquals(ErrorCode.VALIDATION_ERROR, refused.code());
        assertTrue(refused.getMessage().contains("does not fit the job")
                && refused.getMessage().contains("the state of t ('p0/source/t') has no place in the job"),
                refused.getMessage());
        assertEquals(1, engine.jobs().list().size(), "no job started");

        session.execute("SET 'execution.savepoint.ignore-unclaimed-state' = 'true'");
        BackgroundJob dropping = Statements.startJob(session, "INSERT INTO out SELECT k, v FROM other");
        assertEquals(QueryState.RUNNING, dropping.state(), "the reader of t's position is dropped");
        engine.jobs().stop(dropping);
    }

    @Test
    void aPathHoldingNoCheckpointIsRefusedAndResetForgetsIt() throws Exception {
        Path empty = Files.createDirectory(directory.resolve("empty"));
        session.execute("SET 'execution.savepoint.path' = '" + empty + "'");
        SluiceException refused = assertThrows(SluiceException.class,
                () -> session.execute("INSERT INTO out SELECT k, v FROM t"));
        assertEquals(ErrorCode.VALIDATION_ERROR, refused.code());
        assertTrue(refused.getMessage().contains("is neither a savepoint"), refused.getMessage());

        session.execute("RESET 'execution.savepoint.path'");
        BackgroundJob job = Statements.startJob(session, "INSERT INTO out SELECT k, v FROM t");
        assertEquals(QueryState.RUNNING, job.state());
        engine.jobs().stop(job);
    }

    @Test
    void aJobWithoutCheckpointsCannotTakeASavepointAndGoesOn() throws Exception {
        session.execute("RESET 'execution.checkpointing.interval'");
        BackgroundJob job = Statements.startJob(session, "INSERT INTO out SELECT k, v FROM t");
        SluiceException refused = assertThrows(SluiceException.class,
                () -> session.execute("STOP JOB '" + job.id() + "' WITH SAVEPOINT"));
        assertEquals(ErrorCode.VALIDATION_ERROR, refused.code());
        assertTrue(refused.getMessage().endsWith("job " + job.id() + " takes no checkpoints, so it cannot take a "
                + "savepoint: SET 'execution.checkpointing.interval' before its INSERT"), refused.getMessage());
        assertEquals(QueryState.RUNNING, job.state());
        engine.jobs().stop(job);
    }

    private void addRows(int from, int to) {
        for (int i = from; i < to; i++) {
            source.addRow("k" + i + "|" + i);
        }
    }

    private static List<String> sortedRows(int from, int to) {
        List<String> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
            rows.add("k" + i + "," + i);
        }
        rows.sort(null);
        return rows;
    }

    private List<String> writtenRowsUnchecked() {
        try {
            return Statements.committedRows(directory.resolve("out"));
        } catch (IOException e) {
            // nothing written yet
            return List.of();
        }
    }
}
