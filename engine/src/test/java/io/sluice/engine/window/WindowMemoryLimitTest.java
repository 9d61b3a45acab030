package io.sluice.engine.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.result.ResultCursor;
import io.sluice.engine.values.ValuesSource;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.runtime.error.SluiceException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Aggregations whose state outgrows {@code query.memory.limit} fail with SQLState 53200 and a
 * message naming the limit, never with a partial result; the session then runs another query,
 * and every byte is freed.
 */
class WindowMemoryLimitTest {
    /** 50,000 keys in one window or group: far more state than 2 MiB holds. */
    private static final List<String> OVER_THE_LIMIT = List.of(
            "SELECT STREAM k, COUNT(*), SUM(v) FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '10' SECOND)) "
                    + "GROUP BY window_start, window_end, k",
            "SELECT STREAM k, COUNT(*) FROM TABLE(SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), "
                    + "INTERVAL '1' SECOND)) GROUP BY window_start, window_end, k",
            "SELECT k, COUNT(*) FROM t GROUP BY k");

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void stateOverTheLimitFailsTheQueryOnly(int parallelism) throws InterruptedException {
        Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(parallelism));
        try (Session session = engine.newSession()) {
            session.execute("CREATE STREAM t (ts TIMESTAMP(3), k VARCHAR, v INT, "
                    + "WATERMARK FOR ts AS ts - INTERVAL '1' MINUTE) WITH ('connector' = 'values')");
            ValuesSource source = (ValuesSource) ((CatalogTable) engine.catalog().get("t")).source();
            for (int i = 0; i < 50_000; i++) {
                source.addRow("2026-01-01 00:00:01.000|key-" + i + "|" + i);
            }
            session.execute("SET 'query.memory.limit' = '2mb'");

            for (String sql : OVER_THE_LIMIT) {
                try (ResultCursor cursor = session.execute(sql).cursor()) {
                    // No row may come out: the state outgrows the limit before any window fires.
                    List<Object[]> rows = new ArrayList<>();
                    SluiceException failure = assertThrows(SluiceException.class, () -> {
                        for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
                            rows.add(row);
                        }
                    }, sql);
                    assertEquals(0, rows.size(), sql);
                    assertEquals("53200", failure.sqlState(), sql);
                    // The state's charge or, with several tasks, a batch allocated next to it crosses the limit first.
                    assertTrue(failure.getMessage().contains("limit of 2 MiB (set 'query.memory.limit' to raise it)"),
                            failure.getMessage());
                }
            }

            // The same session, under the same limit, runs a query with little state.
            List<String> rows = new ArrayList<>();
            try (ResultCursor cursor = session.execute("SELECT STREAM COUNT(*), SUM(v) FROM TABLE(TUMBLE(TABLE t, "
                    + "DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end").cursor()) {
                for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
                    rows.add(row[0] + "|" + row[1]);
                }
            }
            // 0 + 1 + ... + 49,999 = 49,999 * 50,000 / 2 = 1,249,975,000 (fits an INT)
            assertEquals(List.of("50000|1249975000"), rows);
            assertEquals(0, engine.allocator().getAllocatedMemory());
        } finally {
            engine.close();
        }
    }
}
