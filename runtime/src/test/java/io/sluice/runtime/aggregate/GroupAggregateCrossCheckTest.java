package io.sluice.runtime.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.sluice.runtime.state.StateTtl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Random changelogs through the GROUP BY operator: after every batch, the result its own changes
 * leave must equal what a model computes from the rows alive, and every -U/-D it emits must
 * retract the row it emitted last for its key. Halfway, the state is snapshotted and the rest runs
 * on a restored operator.
 */
class GroupAggregateCrossCheckTest {
    @Test
    void theChangesLeaveTheResultOfTheRowsAlive() {
        for (long seed = 1; seed <= 20; seed++) {
            check(new Random(seed), seed);
        }
    }

    private static void check(Random random, long seed) {
        List<Object[]> alive = new ArrayList<>();
        Map<String, String> result = new TreeMap<>();
        List<List<Object[]>> batches = new ArrayList<>();
        for (int b = 0; b < 40; b++) {
            List<Object[]> batch = new ArrayList<>();
            int size = 1 + random.nextInt(12);
            for (int i = 0; i < size; i++) {
                if (!alive.isEmpty() && random.nextInt(3) == 0) {
                    Object[] gone = alive.remove(random.nextInt(alive.size()));
                    batch.add(GroupAggregateHarness.row(random.nextBoolean() ? "-D" : "-U", (String) gone[1],
                            (Long) gone[2]));
                } else {
                    Object[] row = GroupAggregateHarness.row(random.nextBoolean() ? "+I" : "+U",
                            "k" + random.nextInt(6), random.nextInt(5) == 0 ? null : (long) random.nextInt(100) - 20);
                    alive.add(row);
                    batch.add(row);
                }
            }
            batches.add(batch);
        }
        byte[] snapshot;
        List<Object[]> rowsSoFar = new ArrayList<>();
        try (GroupAggregateHarness harness = new GroupAggregateHarness(true, StateTtl.NEVER)) {
            for (List<Object[]> batch : batches.subList(0, 20)) {
                rowsSoFar.addAll(batch);
                harness.batch(batch.toArray(Object[][]::new));
                apply(harness.output(), result, seed);
                assertEquals(model(rowsSoFar), result, "seed " + seed);
            }
            snapshot = harness.snapshot();
        }
        try (GroupAggregateHarness harness = new GroupAggregateHarness(true, StateTtl.NEVER)) {
            harness.restore(snapshot);
            for (List<Object[]> batch : batches.subList(20, batches.size())) {
                rowsSoFar.addAll(batch);
                harness.batch(batch.toArray(Object[][]::new));
                apply(harness.output(), result, seed);
                assertEquals(model(rowsSoFar), result, "seed " + seed);
            }
        }
    }

    /** Applies {@code op|k|count|sum} changes to the result by key. */
    private static void apply(List<String> changes, Map<String, String> result, long seed) {
        for (String change : changes) {
            String op = change.substring(0, 2);
            String row = change.substring(3);
            String key = row.substring(0, row.indexOf('|'));
            if (op.equals("+I") || op.equals("+U")) {
                result.put(key, row);
            } else {
                assertNotNull(result.get(key), "seed " + seed + ": " + change + " retracts nothing");
                assertEquals(result.remove(key), row, "seed " + seed + ": " + change + " retracts another row");
            }
        }
    }

    /** COUNT(*) and SUM(v) per key of the rows the changelog leaves, computed from scratch. */
    private static Map<String, String> model(List<Object[]> changes) {
        Map<String, long[]> groups = new TreeMap<>();
        for (Object[] change : changes) {
            int sign = ((String) change[0]).startsWith("-") ? -1 : 1;
            long[] group = groups.computeIfAbsent((String) change[1], k -> new long[3]);
            group[0] += sign;
            if (change[2] != null) {
                group[1] += sign * (Long) change[2];
                group[2] += sign;
            }
        }
        Map<String, String> result = new TreeMap<>();
        groups.forEach((key, group) -> {
            if (group[0] > 0) {
                result.put(key, key + "|" + group[0] + "|" + (group[2] == 0 ? "NULL" : String.valueOf(group[1])));
            }
        });
        return result;
    }
}
