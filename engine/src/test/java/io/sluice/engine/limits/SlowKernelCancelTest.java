package io.sluice.engine.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.jdbc.Waiting;
import io.sluice.engine.result.ResultCursor;
import io.sluice.engine.values.ValuesSource;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.runtime.function.LikeMatcher;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LIKE over long strings: a pattern that makes a backtracking regular expression take minutes
 * finishes at once, and a query kept busy inside one batch by a costly pattern stops within a
 * bounded time of its cancel, its thread gone.
 */
class SlowKernelCancelTest {
    private static final int ROWS = 1024;
    private static final int LENGTH = 20_000;

    private Engine engine;
    private Session session;

    @BeforeEach
    void setUp() {
        engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(1));
        session = engine.newSession();
        session.execute("CREATE STREAM t (ts TIMESTAMP(3), k VARCHAR, "
                + "WATERMARK FOR ts AS ts) WITH ('connector' = 'values')");
        ValuesSource source = (ValuesSource) ((CatalogTable) engine.catalog().get("t")).source();
        String text = "a".repeat(LENGTH);
        for (int i = 0; i < ROWS; i++) {
            source.addRow("2026-01-01 00:00:01.000|" + text);
        }
    }

    @AfterEach
    void tearDown() {
        session.close();
        engine.close();
        assertEquals(0, engine.allocator().getAllocatedMemory());
    }

    @Test
    void manyWildcardsOverLongStringsFinishFast() throws InterruptedException {
        long start = System.nanoTime();
        try (ResultCursor cursor = session.execute("SELECT COUNT(*) FROM t WHERE k LIKE '%a%a%a%a%a%a%a%a%b' "
                + "OR k LIKE 'a%a%a%a%a%a%a%a_'").cursor()) {
            // every row is 20,000 'a': the first pattern never matches, the second always does
            assertEquals(1024L, cursor.next()[0]);
            assertNull(cursor.next());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 10_000, "took " + millis + " ms");
    }

    @Test
    void cancelStopsAKernelInsideItsBatch() throws InterruptedException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        // 'a' × 500 then 'b' is tried at each of the 20,000 places of each row: about 10 million
        // comparisons a row, seconds for the 1,024 rows of the one batch.
        String pattern = "%" + "a".repeat(500) + "_b%";
        try (ResultCursor cursor = session.execute("SELECT STREAM k FROM t WHERE k LIKE '" + pattern + "'").cursor()) {
            Waiting.until(Duration.ofSeconds(30), "a task inside LIKE", () -> !busyInLike(before).isEmpty());
            Set<Thread> busy = busyInLike(before);
            long start = System.nanoTime();
            cursor.cancel();
            Waiting.until(Duration.ofSeconds(2), "the task to end after the cancel",
                    () -> busy.stream().noneMatch(Thread::isAlive));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 2_000, "the task ended " + millis + " ms after the cancel");
        }
    }

    /** The engine's task threads started since {@code before} that are running LIKE now. */
    private static Set<Thread> busyInLike(Set<Thread> before) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> !before.contains(e.getKey()) && e.getKey().getName().startsWith("sluice-"))
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().equals(LikeMatcher.class.getName())))
                .map(e -> e.getKey())
                .collect(Collectors.toSet());
    }
}
