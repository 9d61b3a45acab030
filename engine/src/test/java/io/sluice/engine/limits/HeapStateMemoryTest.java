package io.sluice.engine.limits;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * State that lives on the heap and grows with the length of strings (the set of COUNT(DISTINCT),
 * the text of LISTAGG, string grouping keys, the value MIN, MAX, FIRST_VALUE and LAST_VALUE keep)
 * is charged by its size: 2,000 distinct strings of 10,000 characters hold some 20 MB, far over a
 * 2 MiB limit that a batch of 16 of them fits in. The query fails with 53200 as its state grows,
 * the session runs the next one, and every byte is freed.
 */
class HeapStateMemoryTest {
    private static final int ROWS = 2_000;
    private static final int LENGTH = 10_000;

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT COUNT(DISTINCT k) FROM t",
            "SELECT LISTAGG(k) FROM t",
            "SELECT k, COUNT(*) FROM t GROUP BY k",
            // one long string kept per group of an integer key
            "SELECT COUNT(*) FROM (SELECT v, MAX(k) AS m FROM t GROUP BY v) WHERE m > 'a'",
            "SELECT COUNT(*) FROM (SELECT v, LAST_VALUE(k) AS m FROM t GROUP BY v) WHERE m > 'a'",
            "SELECT STREAM COUNT(DISTINCT k) FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '10' SECOND)) "
                    + "GROUP BY window_start, window_end",
            "SELECT STREAM COUNT(DISTINCT k) FROM TABLE(SESSION(TABLE t PARTITION BY v, DESCRIPTOR(ts), "
                    + "INTERVAL '1' SECOND)) GROUP BY window_start, window_end, v"})
    void longStringsInStateFailTheQueryWith53200(String sql) throws InterruptedException {
        Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(1));
        try (Session session = engine.newSession()) {
            session.execute("CREATE STREAM t (ts TIMESTAMP(3), k VARCHAR, v INT, "
                    + "WATERMARK FOR ts AS ts - INTERVAL '1' MINUTE) WITH ('connector' = 'values')");
            ValuesSource source = (ValuesSource) ((CatalogTable) engine.catalog().get("t")).source();
            String filler = "x".repeat(LENGTH - 8);
            for (int i = 0; i < ROWS; i++) {
                source.addRow("2026-01-01 00:00:01.000|" + String.format("%08d", i) + filler + "|" + i);
            }
            session.execute("SET 'batch.size' = '16'");
            session.execute("SET 'query.memory.limit' = '2mb'");

            try (ResultCursor cursor = session.execute(sql).cursor()) {
                SluiceException failure = assertThrows(SluiceException.class, () -> {
                    while (cursor.next() != null) {
                        // the state outgrows the limit before any result
                    }
                });
                assertEquals("53200", failure.sqlState(), failure.getMessage());
                // the state's charge crosses the limit, not the result's buffers
                assertTrue(failure.getMessage().contains(" of state; ")
                        && failure.getMessage().contains("limit of 2 MiB"), failure.getMessage());
            }
            try (ResultCursor cursor = session.execute("SELECT COUNT(*) FROM t").cursor()) {
                assertEquals((long) ROWS, cursor.next()[0]);
            }
            assertEquals(0, engine.allocator().getAllocatedMemory());
        } finally {
            engine.close();
        }
    }
}
