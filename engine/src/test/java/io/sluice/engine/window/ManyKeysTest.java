package io.sluice.engine.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.result.ResultCursor;
import io.sluice.engine.values.ValuesSource;
import io.sluice.planner.catalog.CatalogTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One window holding 100,000 distinct keys, with the rows of each key spread over the input:
 * every key comes out once, with its own count and sum.
 */
class ManyKeysTest {
    private static final int KEYS = 100_000;

    @ParameterizedTest(name = "{0} keys at parallelism {1}")
    @CsvSource({"BIGINT, 1", "BIGINT, 4", "VARCHAR, 1", "VARCHAR, 4"})
    void everyKeyIsCountedOnce(String keyType, int parallelism) throws InterruptedException {
        // Key i has (i % 3) + 1 rows, each with v = i: COUNT(*) = (i % 3) + 1 and SUM(v) = i * COUNT(*).
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            for (int copy = 0; copy <= i % 3; copy++) {
                rows.add("2026-01-01 00:00:" + String.format("%02d", (i + copy) % 60) + ".000|" + i + "|" + i);
            }
        }
        Collections.shuffle(rows, new Random(7));

        Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(parallelism));
        try (Session session = engine.newSession()) {
            session.execute("CREATE STREAM t (ts TIMESTAMP(3), k " + keyType + ", v BIGINT, "
                    + "WATERMARK FOR ts AS ts - INTERVAL '1' MINUTE) WITH ('connector' = 'values')");
            ValuesSource source = (ValuesSource) ((CatalogTable) engine.catalog().get("t")).source();
            rows.forEach(source::addRow);
            boolean[] seen = new boolean[KEYS];
            int results = 0;
            try (ResultCursor cursor = session.execute("SELECT STREAM k, COUNT(*), SUM(v) FROM TABLE(TUMBLE(TABLE t, "
                    + "DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end, k").cursor()) {
                for (Object[] row = cursor.next(); row != null; row = cursor.next()) {
                    int key = Integer.parseInt(row[0].toString());
                    long count = key % 3 + 1;
                    assertEquals(false, seen[key], "key " + key + " came out twice");
                    seen[key] = true;
                    assertEquals(count, row[1], "COUNT(*) of key " + key);
                    assertEquals((long) key * count, row[2], "SUM(v) of key " + key);
                    results++;
                }
                assertNull(cursor.next());
                assertEquals(rows.size(), cursor.summary().recordsRead());
            }
            assertEquals(KEYS, results);
        } finally {
            engine.close();
        }
    }
}
