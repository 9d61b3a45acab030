package io.sluice.engine.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.result.ResultCursor;
import io.sluice.engine.values.ValuesSource;
import io.sluice.engine.window.RandomEvents.Event;
import io.sluice.engine.window.RandomEvents.Row;
import io.sluice.engine.window.ReferenceWindows.Kind;
import io.sluice.engine.window.ReferenceWindows.Windows;
import io.sluice.planner.catalog.CatalogTable;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Windowed aggregation over seeded random input, out of order and with late rows, checked
 * against {@link ReferenceWindows}: the same rows (as a multiset) and the same late count, for
 * each window kind, grouped by a VARCHAR and by a BIGINT key (both with NULLs), at parallelism
 * 1, 2 and 4.
 */
class WindowCrossCheckTest {
    private static final List<Event> EVENTS = RandomEvents.generate(20_260_101L, 4_000, 150);
    /** Smaller than most blocks between watermark records, so the watermark also moves within them. */
    private static final int BATCH_SIZE = 50;

    private record Case(String function, Windows windows) {
        @Override
        public String toString() {
            return windows.kind().name();
        }
    }

    private static final List<Case> CASES = List.of(
            new Case("TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '5' SECOND)", new Windows(Kind.TUMBLE, 5_000, 5_000, 0)),
            new Case("HOP(TABLE t, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '6' SECOND)",
                    new Windows(Kind.HOP, 6_000, 2_000, 0)),
            new Case("CUMULATE(TABLE t, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '8' SECOND, INTERVAL '1' SECOND)",
                    new Windows(Kind.CUMULATE, 8_000, 2_000, 1_000)),
            new Case("SESSION(TABLE t PARTITION BY %s, DESCRIPTOR(ts), INTERVAL '3' SECOND)",
                    new Windows(Kind.SESSION, 0, 3_000, 0)));

    static Stream<Arguments> cases() {
        List<Arguments> arguments = new ArrayList<>();
        for (Case windowCase : CASES) {
            for (String key : List.of("k", "n")) {
                for (int parallelism : new int[] {1, 2, 4}) {
                    arguments.add(Arguments.of(windowCase, key, parallelism));
                }
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} by {1} at parallelism {2}")
    @MethodSource("cases")
    void matchesTheModel(Case windowCase, String key, int parallelism) throws InterruptedException {
        Function<Row, Object> keyOf = key.equals("k") ? Row::key : Row::number;
        ReferenceWindows.Result expected = ReferenceWindows.aggregate(windowCase.windows(), EVENTS, BATCH_SIZE, keyOf);
        assertTrue(expected.late() > 0, "the input should have late rows");

        Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(parallelism));
        try (Session session = engine.newSession()) {
            session.execute("SET 'batch.size' = '" + BATCH_SIZE + "'");
            session.execute("CREATE STREAM t (ts TIMESTAMP(3), k VARCHAR, n BIGINT, v INT, "
                    + "WATERMARK FOR ts AS ts - INTERVAL '2' SECOND) WITH ('connector' = 'values')");
            ValuesSource source = (ValuesSource) ((CatalogTable) engine.catalog().get("t")).source();
            for (Event event : EVENTS) {
                if (event instanceof Row row) {
                    source.addRow(row.text());
                } else {
                    source.addWatermark(((RandomEvents.Watermark) event).text());
                }
            }
            String sql = "SELECT STREAM window_start, window_end, " + key
                    + ", COUNT(*), COUNT(v), SUM(v), MIN(v), MAX(v), AVG(v) FROM TABLE("
                    + windowCase.function().formatted(key) + ") GROUP BY window_start, window_end, " + key;
            List<String> actual = new ArrayList<>();
            long late;
            try (ResultCursor cursor = session.execute(sql).cursor()) {
                while (true) {
                    List<Object[]> rows = cursor.poll(1024, 60_000);
                    if (rows == null) {
                        break;
                    }
                    if (rows.isEmpty()) {
                        fail("no rows and no end within 60 s");
                    }
                    rows.forEach(row -> actual.add(format(row)));
                }
                late = cursor.summary().lateRecords();
            }
            assertSameRows(expected.rows(), actual);
            assertEquals(expected.late(), late, "late rows");
        } finally {
            engine.close();
        }
    }

    private static String format(Object[] row) {
        StringBuilder text = new StringBuilder();
        for (Object value : row) {
            if (!text.isEmpty()) {
                text.append('|');
            }
            text.append(value instanceof LocalDateTime time
                    ? RandomEvents.format(time.toInstant(ZoneOffset.UTC).toEpochMilli())
                    : value == null ? "NULL" : value.toString());
        }
        return text.toString();
    }

    /** Compares as multisets; a failure lists the first rows missing and the first rows not expected. */
    private static void assertSameRows(List<String> expected, List<String> actual) {
        Map<String, Integer> difference = new TreeMap<>();
        expected.forEach(row -> difference.merge(row, 1, Integer::sum));
        actual.forEach(row -> difference.merge(row, -1, Integer::sum));
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        difference.forEach((row, count) -> {
            for (int i = 0; i < Math.abs(count); i++) {
                (count > 0 ? missing : unexpected).add(row);
            }
        });
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            fail(expected.size() + " rows expected, " + actual.size() + " produced; " + missing.size()
                    + " missing, first: " + missing.subList(0, Math.min(5, missing.size())) + "; " + unexpected.size()
                    + " not expected, first: " + unexpected.subList(0, Math.min(5, unexpected.size())));
        }
    }
}
