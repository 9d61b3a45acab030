package io.sluice.engine.updating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.engine.result.ResultCursor;
import io.sluice.engine.slt.FormattedChangelog;
import io.sluice.engine.values.ValuesSource;
import io.sluice.planner.catalog.CatalogTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;

/**
 * The engine's updating operators against {@link ReferenceModel}: random changelogs with event
 * times out of order go through aggregates, joins and Top-N at parallelism 1, 2 and 4, both as a
 * continuous query (whose changes, applied here, must leave the model's rows) and as a plain
 * SELECT (whose final result must be the model's).
 */
@Timeout(120)
class UpdatingCrossCheckTest {
    private static final int CHANGES = 300;
    private static final int KEYS = 7;

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        for (int parallelism : new int[] {1, 2, 4}) {
            for (long seed = 1; seed <= 2; seed++) {
                runs.add(Arguments.of(parallelism, seed * 7919 + parallelism));
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "parallelism {0}, seed {1}")
    @MethodSource("runs")
    void aggregates(int parallelism, long seed) throws Exception {
        check(parallelism, seed, inputs -> ReferenceModel.aggregate(inputs.get(0).rows()),
                "SELECT k, COUNT(*), SUM(v), MIN(v), MAX(v) FROM l GROUP BY k");
    }

    @ParameterizedTest(name = "parallelism {0}, seed {1}")
    @MethodSource("runs")
    void innerJoin(int parallelism, long seed) throws Exception {
        check(parallelism, seed, inputs -> ReferenceModel.join(inputs.get(0).rows(), inputs.get(1).rows(), "INNER"),
                "SELECT l.k, l.v, r.v FROM l JOIN r ON l.k = r.k");
    }

    @ParameterizedTest(name = "parallelism {0}, seed {1}")
    @MethodSource("runs")
    void leftJoin(int parallelism, long seed) throws Exception {
        check(parallelism, seed, inputs -> ReferenceModel.join(inputs.get(0).rows(), inputs.get(1).rows(), "LEFT"),
                "SELECT l.k, l.v, r.v FROM l LEFT JOIN r ON l.k = r.k");
    }

    @ParameterizedTest(name = "parallelism {0}, seed {1}")
    @MethodSource("runs")
    void fullJoin(int parallelism, long seed) throws Exception {
        check(parallelism, seed, inputs -> ReferenceModel.join(inputs.get(0).rows(), inputs.get(1).rows(), "FULL"),
                "SELECT l.k, l.v, r.v FROM l FULL JOIN r ON l.k = r.k");
    }

    @ParameterizedTest(name = "parallelism {0}, seed {1}")
    @MethodSource("runs")
    void topTwo(int parallelism, long seed) throws Exception {
        check(parallelism, seed, inputs -> ReferenceModel.topN(inputs.get(0).rows(), 2),
                "SELECT k, v FROM (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn FROM l) "
                        + "WHERE rn <= 2");
    }

    /**
     * Runs the query over two random changelogs {@code l} and {@code r}, as a continuous query and
     * as a plain SELECT, and compares both with the model's rows.
     */
    private static void check(int parallelism, long seed, Function<List<RandomChangelog>, List<String>> model,
                              String query) throws Exception {
        Random random = new Random(seed);
        List<RandomChangelog> inputs = List.of(new RandomChangelog(random, CHANGES, KEYS, true),
                new RandomChangelog(random, CHANGES / 3, KEYS + 2, true));
        List<String> expected = model.apply(inputs);
        assertTrue(expected.size() > 3, "the random input should leave rows: " + expected);
        try (Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(parallelism))) {
            Session session = engine.newSession();
            String[] names = {"l", "r"};
            for (int i = 0; i < names.length; i++) {
                session.execute("CREATE TABLE " + names[i] + " (ts TIMESTAMP(3), k VARCHAR, v BIGINT, "
                        + "WATERMARK FOR ts AS ts - INTERVAL '1' MINUTE) WITH ('connector' = 'values', 'changelog' = 'true')");
                ValuesSource source = (ValuesSource) ((CatalogTable) engine.catalog().get(names[i])).source();
                inputs.get(i).lines().forEach(source::addRow);
            }
            String where = "seed " + seed + ", parallelism " + parallelism + ": " + query;
            assertEquals(expected, ReferenceModel.sorted(rows(session, query)), "plain SELECT, " + where);
            assertEquals(expected, ReferenceModel.sorted(FormattedChangelog.finalRows(
                    rows(session, query.replaceFirst("SELECT", "SELECT STREAM")), where)), "SELECT STREAM, " + where);
            session.close();
            assertEquals(0, engine.allocator().getAllocatedMemory(), "memory left after " + where);
        }
    }

    private static List<String> rows(Session session, String query) throws InterruptedException {
        List<String> rows = new ArrayList<>();
        try (ResultCursor cursor = session.execute(query).cursor()) {
            Object[] row;
            while ((row = cursor.next()) != null) {
                List<String> values = new ArrayList<>();
                for (Object value : row) {
                    values.add(value == null ? "NULL" : value.toString());
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
