package io.sluice.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.codegen.KernelCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The optimized logical plan and the physical plan of each query, compared with a snapshot in
 * {@code src/test/resources/plans/<name>.plan}. Run with {@code -Dsluice.regenerate-plans=true}
 * to rewrite the snapshots from the current planner; each test then reports that it rewrote
 * its file instead of passing. Read the diff of a rewritten snapshot before committing it.
 */
class PlanSnapshotTest {
    private static final Path SNAPSHOTS = Path.of("src", "test", "resources", "plans");
    private static final boolean REGENERATE = Boolean.getBoolean("sluice.regenerate-plans");

    static Stream<Arguments> queries() {
        return Stream.of(
                // One Calc holds both the filter and the projection.
                Arguments.of("filter_and_projection_in_one_calc",
                        "SELECT id, amount * qty AS total FROM orders WHERE qty > 1"),
                // The two conditions end up ANDed in one Calc.
                Arguments.of("two_filters_merged",
                        "SELECT id FROM (SELECT id, qty FROM orders WHERE qty > 1) WHERE id < 3"),
                // The outer filter moves below the subquery's projection: its condition is now on
                // the table's columns, amount * qty, which the projection then shares.
                Arguments.of("filter_pushed_below_projection",
                        "SELECT customer FROM (SELECT customer, amount * qty AS total FROM orders) WHERE total > 10"),
                // With nothing between them, the Calc runs inside the scan, in the source's task.
                Arguments.of("calc_pushed_into_scan",
                        "SELECT customer FROM orders WHERE amount > 10.00 AND customer <> 'bob'"),
                // LIMIT gathers the rows into one task after the scan's filter.
                Arguments.of("limit",
                        "SELECT id FROM orders WHERE qty IS NOT NULL LIMIT 2"),
                // A Calc above a LIMIT stays a Calc of its own.
                Arguments.of("calc_over_limit",
                        "SELECT id + 1 AS id_plus_one FROM (SELECT id FROM orders LIMIT 3) WHERE id > 1"),
                // SELECT STREAM reads the stream in stream mode; the plan has no Delta left.
                Arguments.of("stream",
                        "SELECT STREAM ts, UPPER(user_id) AS who FROM clicks WHERE url LIKE '/c%'"),
                // A GROUP BY without a window over a stream updates its groups: a group aggregation
                // keyed by user_id, its accumulators append-only since its input only appends.
                Arguments.of("group_by_over_stream",
                        "SELECT STREAM user_id, COUNT(*) AS n, MAX(url) AS last_url FROM clicks GROUP BY user_id"),
                // Its partial results merge, so it has two steps: a local one that aggregates each
                // batch by key before the exchange (an AVG as a partial sum and count), and the
                // global one that merges the partial rows by key.
                Arguments.of("two_phase_group_by",
                        "SELECT STREAM user_id, COUNT(*) AS n, SUM(CHAR_LENGTH(url)) AS s, AVG(CHAR_LENGTH(url)) AS a "
                                + "FROM clicks GROUP BY user_id"),
                // The outer aggregation's input updates: its accumulators are the retractable ones.
                Arguments.of("aggregate_of_aggregate",
                        "SELECT STREAM n, COUNT(*) AS users FROM (SELECT user_id, COUNT(*) AS n FROM clicks "
                                + "GROUP BY user_id) GROUP BY n"),
                // A SELECT without FROM reads one literal row.
                Arguments.of("values",
                        "SELECT 1 + 2 AS three, 'x' || 'y' AS xy"),
                // A filter on ROW_NUMBER() over a window is a Top-N; the scan reads only the
                // columns the Top-N sorts, partitions and passes on, and the rank is not computed.
                Arguments.of("top_n",
                        "SELECT customer, amount FROM (SELECT customer, amount, ROW_NUMBER() OVER "
                                + "(PARTITION BY customer ORDER BY amount DESC) AS rn FROM orders) WHERE rn <= 3"),
                // The inputs of a UNION ALL are cast to its column types where they differ.
                Arguments.of("union_all",
                        "SELECT id FROM orders UNION ALL SELECT qty + 0.5 FROM orders"),
                // ORDER BY with OFFSET and LIMIT over a bounded input: one sort.
                Arguments.of("order_by",
                        "SELECT id, qty FROM orders ORDER BY qty DESC NULLS LAST, id LIMIT 5 OFFSET 2"),
                // A join written with a comma and WHERE: the equality keys the join, and the
                // condition on one input filters it before the join.
                // An OVER aggregation over the rowtime: partitioned by user_id, its SUM a $SUM0 and a
                // COUNT in retractable accumulators (the frame is bounded), and a Calc above that makes
                // SUM of no rows NULL.
                Arguments.of("over_rows_bounded",
                        "SELECT STREAM user_id, ts, SUM(CHAR_LENGTH(url)) OVER (PARTITION BY user_id ORDER BY ts "
                                + "ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS s FROM clicks"),
                // LAG beside an aggregate of the default frame (RANGE from UNBOUNDED PRECEDING): append-only
                // accumulators, LAG's value after them, and a Calc that puts the window's order back.
                Arguments.of("over_lag",
                        "SELECT STREAM user_id, LAG(url) OVER w AS previous_url, MAX(url) OVER w AS m "
                                + "FROM clicks WINDOW w AS (PARTITION BY user_id ORDER BY ts)"),
                Arguments.of("comma_join",
                        "SELECT STREAM o.id, c.url FROM orders o, clicks c WHERE o.customer = c.user_id "
                                + "AND c.url LIKE '/c%' AND o.qty > CHAR_LENGTH(c.url)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void plan(String name, String sql) throws IOException {
        SqlEnvironment environment = TestCatalog.environment(new KernelCompiler(getClass().getClassLoader()));
        PlannedQuery query = TestCatalog.plan(environment, sql);
        String actual = "-- " + sql + "\n\n== Logical plan ==\n" + query.logicalPlan()
                + "\n== Physical plan ==\n" + query.physicalPlan();
        Path snapshot = SNAPSHOTS.resolve(name + ".plan");
        if (REGENERATE) {
            Files.createDirectories(SNAPSHOTS);
            Files.writeString(snapshot, actual);
            Assumptions.abort("rewrote " + snapshot + ": read it before committing");
        }
        assertTrue(Files.exists(snapshot), "no snapshot " + snapshot + ": run with -Dsluice.regenerate-plans=true");
        assertEquals(Files.readString(snapshot), actual, "plan of " + name + " differs from " + snapshot);
    }
}
