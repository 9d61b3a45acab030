package io.sluice.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.runtime.metrics.StateGauge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keyed state a job's operators hold, as its metrics and SHOW QUERIES report it, from a file of six rows. */
class StateGaugeTest {
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
        session.execute("CREATE TABLE out (k STRING, n BIGINT) WITH ('connector' = 'print')");
        session.execute("SET 'table.dml-sync' = 'true'");
    }

    @AfterEach
    void close() {
        session.close();
        engine.close();
    }

    @Test
    void anAggregationHoldsOneKeyPerGroupOverItsTasks() throws Exception {
        // a, b and c: three groups, however the two tasks share them.
        StateGauge state = Statements.startJob(session, "INSERT INTO out SELECT k, COUNT(*) FROM input GROUP BY k")
                .metrics().state();
        assertEquals(3, state.keys());
        assertTrue(state.bytes() > 0, "bytes: " + state.bytes());
        String listed = Statements.rows(session, "SHOW QUERIES").get(0);
        // state_bytes and state_keys, then checkpointing (off); source_retries and error end the row
        assertTrue(listed.contains("|" + state.bytes() + "|3|OFF|"), listed);
        assertTrue(listed.endsWith("|0|NULL"), listed);
    }

    @Test
    void aJoinHoldsItsKeysAndAStatelessJobNone() throws Exception {
        // Each input's rows by k: three keys, the same on both sides.
        StateGauge join = Statements.startJob(session,
                "INSERT INTO out SELECT l.k, r.v FROM input l JOIN input r ON l.k = r.k").metrics().state();
        assertEquals(3, join.keys());
        assertTrue(join.bytes() > 0, "bytes: " + join.bytes());
        StateGauge none = Statements.startJob(session, "INSERT INTO out SELECT k, v FROM input").metrics().state();
        assertEquals(0, none.keys());
        assertEquals(0, none.bytes());
    }
}
