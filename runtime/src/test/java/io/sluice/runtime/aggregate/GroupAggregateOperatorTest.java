package io.sluice.runtime.aggregate;

import static io.sluice.runtime.aggregate.GroupAggregateHarness.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.state.StateTtl;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupAggregateOperatorTest {
    @Test
    void insertsThenUpdatesOncePerBatchAndDeletesWhenTheLastRowGoes() {
        try (GroupAggregateHarness harness = new GroupAggregateHarness(true, StateTtl.NEVER)) {
            // a: 1 + 3 over two rows; b: 2. Both new: +I, in the order the batch first touched them.
            harness.batch(row("+I", "a", 1L), row("+I", "b", 2L), row("+I", "a", 3L));
            assertEquals(List.of("+I|a|2|4", "+I|b|1|2"), harness.output());
            // Two changes to a in one batch make one update: a holds 3 and 5 now.
            harness.batch(row("-U", "a", 1L), row("+U", "a", 5L), row("+I", "a", null));
            assertEquals(List.of("-U|a|2|4", "+U|a|3|8"), harness.output());
            // b's only row goes: -D with its last result.
            harness.batch(row("-D", "b", 2L));
            assertEquals(List.of("-D|b|1|2"), harness.output());
            // c comes and goes within one batch: nothing. a gains and loses a row: its result is the same.
            harness.batch(row("+I", "c", 7L), row("+I", "a", 9L), row("-D", "c", 7L), row("-D", "a", 9L));
            assertEquals(List.of(), harness.output());
            // a's values go, its NULL row stays: the sum of no values is NULL.
            harness.batch(row("-D", "a", 3L), row("-D", "a", 5L));
            assertEquals(List.of("-U|a|3|8", "+U|a|1|NULL"), harness.output());
            // b comes back: a new group again.
            harness.batch(row("+I", "b", 4L));
            assertEquals(List.of("+I|b|1|4"), harness.output());
        }
    }

    @Test
    void anInsertOnlyInputUpdatesItsGroups() {
        try (GroupAggregateHarness harness = new GroupAggregateHarness(false, StateTtl.NEVER)) {
            harness.batch(row(null, "a", 1L));
            harness.batch(row(null, "a", 2L), row(null, "b", 5L));
            assertEquals(List.of("+I|a|1|1", "-U|a|1|1", "+U|a|2|3", "+I|b|1|5"), harness.output());
        }
    }

    @Test
    void inUpsertModeAnUpdateIsItsNewValueOnly() {
        try (GroupAggregateHarness harness = new GroupAggregateHarness(false, StateTtl.NEVER, false)) {
            harness.batch(row(null, "a", 1L));
            harness.batch(row(null, "a", 2L), row(null, "b", 5L));
            assertEquals(List.of("+I|a|1|1", "+U|a|2|3", "+I|b|1|5"), harness.output());
        }
    }

    @Test
    void aRestoredStateGoesOnAsTheOriginal() {
        byte[] snapshot;
        long bytes;
        List<String> original;
        try (GroupAggregateHarness harness = new GroupAggregateHarness(true, StateTtl.NEVER)) {
            harness.batch(row("+I", "a", 1L), row("+I", "b", 2L), row("+I", "a", 3L), row("+I", "c", null));
            harness.batch(row("-D", "b", 2L));
            harness.output();
            snapshot = harness.snapshot();
            bytes = harness.stateBytes();
            harness.batch(row("-D", "a", 1L), row("+I", "b", 6L), row("+I", "c", 1L));
            original = harness.output();
        }
        // a: 2|4 to 1|3; b was deleted, so it is new; c: 1|NULL to 2|1.
        assertEquals(List.of("-U|a|2|4", "+U|a|1|3", "+I|b|1|6", "-U|c|1|NULL", "+U|c|2|1"), original);
        try (GroupAggregateHarness restored = new GroupAggregateHarness(true, StateTtl.NEVER)) {
            restored.restore(snapshot);
            assertEquals(bytes, restored.stateBytes());
            restored.batch(row("-D", "a", 1L), row("+I", "b", 6L), row("+I", "c", 1L));
            assertEquals(original, restored.output());
        }
    }

    @Test
    void groupsIdleLongerThanTheTtlAreDroppedWithoutADelete() {
        try (GroupAggregateHarness harness = new GroupAggregateHarness(true, new StateTtl(10_000))) {
            harness.at(0).batch(row("+I", "a", 1L), row("+I", "b", 1L));
            harness.at(6_000).batch(row("+I", "b", 2L));
            assertEquals(List.of("+I|a|1|1", "+I|b|1|1", "-U|b|1|1", "+U|b|2|3"), harness.output());
            // At 12 s, a was idle for 12 s and goes, silently; b, idle for 6 s, stays.
            harness.at(12_000).watermark(1);
            assertEquals(List.of("watermark 1"), harness.output());
            harness.at(13_000).batch(row("+I", "a", 5L), row("+I", "b", 5L));
            assertEquals(List.of("+I|a|1|5", "-U|b|2|3", "+U|b|3|8"), harness.output());
            // A retraction for a group the TTL dropped finds nothing: no output.
            harness.at(30_000).batch(row("-D", "b", 5L));
            assertEquals(List.of(), harness.output());
        }
    }

    @Test
    void emptiedGroupsAreCompactedAwayAndTheirKeysCanComeBack() {
        try (GroupAggregateHarness harness = new GroupAggregateHarness(true, StateTtl.NEVER)) {
            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> deletes = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                inserts.add(row("+I", "k" + i, (long) i));
                if (i != 1234) {
                    deletes.add(row("-D", "k" + i, (long) i));
                }
            }
            harness.batch(inserts.toArray(Object[][]::new));
            long full = harness.stateBytes();
            harness.batch(deletes.toArray(Object[][]::new));
            assertEquals(2999, harness.output().stream().filter(r -> r.startsWith("-D")).count());
            assertTrue(harness.stateBytes() < full, "compacted state " + harness.stateBytes() + " < " + full);
            harness.batch(row("+I", "k1234", 1L), row("+I", "k7", 7L));
            assertEquals(List.of("-U|k1234|1|1234", "+U|k1234|2|1235", "+I|k7|1|7"), harness.output());
        }
    }
}
