package io.sluice.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.planner.physical.Changelog;
import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.codegen.KernelCompiler;
import java.util.List;
import org.apache.calcite.util.ImmutableBitSet;
import org.junit.jupiter.api.Test;

/** What a GROUP BY without a window over a stream plans to: its changelog and its kernels in EXPLAIN. */
class GroupAggregatePlanTest {
    private final SqlEnvironment environment = TestCatalog.environment(new KernelCompiler(getClass().getClassLoader()));

    @Test
    void aStreamingGroupByRetractsByItsKeys() {
        PlannedQuery query = TestCatalog.plan(environment,
                "SELECT STREAM COUNT(*) AS n, user_id FROM clicks GROUP BY user_id");
        Changelog changelog = query.changelog();
        assertEquals(ChangelogMode.RETRACT, changelog.mode());
        assertEquals("the GROUP BY aggregation", changelog.origin());
        // the aggregation's output leads with its key; the projection moves it to column 1
        assertEquals(ImmutableBitSet.of(1), changelog.upsertKey());
    }

    @Test
    void explainShowsEachAggregationsKernelTheOuterOneReadingRowKinds() {
        PlannedQuery query = TestCatalog.plan(environment, "SELECT STREAM n, MIN(user_id) FROM (SELECT user_id, "
                + "COUNT(*) AS n FROM clicks GROUP BY user_id) GROUP BY n");
        List<String> kernels = query.kernelSources().stream().filter(k -> k.contains("AggregateKernelImpl")).toList();
        // the inner aggregation's local and global steps, then the outer one
        assertEquals(3, kernels.size(), String.join("\n", kernels));
        assertTrue(!kernels.get(0).contains("RowKind.retracts"), kernels.get(0));
        assertTrue(!kernels.get(1).contains("RowKind.retracts"), kernels.get(1));
        assertTrue(kernels.get(2).contains("RowKind.retracts") && kernels.get(2).contains("ValueCounts"), kernels.get(2));
        assertTrue(query.explain().contains("SluiceGroupAggregate"), query.explain());
    }

    @Test
    void writtenByItsKeyTheAggregationLeavesOutOldValues() {
        PlannedQuery query = TestCatalog.plan(environment,
                "SELECT STREAM COUNT(*) AS n, user_id FROM clicks GROUP BY user_id");
        PlannedQuery upsert = query.inUpsertMode(ImmutableBitSet.of(1));
        assertEquals(ChangelogMode.UPSERT, upsert.changelog().mode());
        assertTrue(upsert.physicalPlan().contains("upsert=[true]"), upsert.physicalPlan());
        // another key, or a filter that could drop a row by its new value, keeps the old values
        assertEquals(ChangelogMode.RETRACT, query.inUpsertMode(ImmutableBitSet.of(0)).changelog().mode());
        PlannedQuery filtered = TestCatalog.plan(environment,
                "SELECT STREAM n, user_id FROM (SELECT COUNT(*) AS n, user_id FROM clicks GROUP BY user_id) WHERE n > 2");
        assertEquals(ChangelogMode.RETRACT, filtered.inUpsertMode(ImmutableBitSet.of(1)).changelog().mode());
    }
}
