package io.sluice.runtime.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.state.StateTtl;
import io.sluice.runtime.testing.OperatorScript;
import io.sluice.runtime.testing.RestoreAtEveryCut;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * A GROUP BY aggregation snapshotted between any two steps and restored into a fresh operator
 * emits what an uninterrupted run emits: groups, accumulators, row counts, access times and when
 * idle groups are looked for next are all in the snapshot. Rows are {@code (k VARCHAR, v BIGINT)};
 * results {@code op|k|COUNT(*)|SUM(v)}.
 */
class GroupAggregateCheckpointTest {
    private static final Schema CHANGES = RowKinds.withRowKind(GroupAggregateHarness.ROWS);
    private static final Field COUNT = new Field("count", FieldType.notNullable(new ArrowType.Int(64, true)), null);
    private static final Field SUM = Field.nullable("sum", new ArrowType.Int(64, true));

    @Test
    void groupsResumeWithTheirRetractionsAndTheirAge() {
        OperatorScript script = new OperatorScript()
                .batch(CHANGES, change("+I", "a", 1L), change("+I", "b", 2L), change("+I", "a", 3L))
                .advance(3_000)
                .batch(CHANGES, change("-U", "a", 1L), change("+U", "a", 5L), change("+I", "a", null))
                .advance(8_000)
                // b, untouched for 11 s, is older than the TTL: dropped without a -D
                .watermark(100)
                .batch(CHANGES, change("+I", "b", 7L), change("-D", "a", 5L))
                .batch(CHANGES, change("-D", "a", 3L), change("-D", "a", null))
                .batch(CHANGES, change("+I", "c", 1L), change("-D", "c", 1L));
        GroupAggregateOperatorFactory factory = factory(new StateTtl(10_000));
        assertEquals(List.of("+I|a|2|4", "+I|b|1|2", "-U|a|2|4", "+U|a|3|8", "watermark 100", "+I|b|1|7",
                "-U|a|3|8", "+U|a|2|3", "-D|a|2|3", "end"), RestoreAtEveryCut.check(factory, script).output());

        byte[] snapshot = RestoreAtEveryCut.snapshotAfter(factory, script);
        RestoreAtEveryCut.everyDamageFails(factory, snapshot);
    }

    @Test
    void idleGroupsAreLookedForWhenTheyWouldHaveBeen() {
        // Looks for idle groups come every TTL / 4 = 2.5 s: at 1 s, 9 s and 11.5 s. At 11.2 s b has been
        // idle longer than the TTL, but is not looked for until 11.5 s: its row at 11.3 s updates it.
        OperatorScript script = new OperatorScript()
                .batch(CHANGES, change("+I", "b", 1L))
                .advance(8_000)
                .batch(CHANGES, change("+I", "a", 2L))
                .advance(2_200)
                .batch(CHANGES, change("+I", "c", 4L))
                .advance(100)
                .batch(CHANGES, change("+I", "b", 8L));
        assertEquals(List.of("+I|b|1|1", "+I|a|1|2", "+I|c|1|4", "-U|b|1|1", "+U|b|2|9", "end"),
                RestoreAtEveryCut.check(factory(new StateTtl(10_000)), script).output());
    }

    @Test
    void anAggregationWithoutKeysResumes() {
        OperatorScript script = new OperatorScript()
                .batch(GroupAggregateHarness.ROWS, new Object[] {"x", 1L}, new Object[] {"y", 2L})
                .batch(GroupAggregateHarness.ROWS, new Object[] {"z", 3L});
        GroupAggregateOperatorFactory factory = new GroupAggregateOperatorFactory(new int[0],
                RetractingCountSumKernel.class, List.of(), false, GroupAggregateHarness.ROWS,
                RowKinds.withRowKind(new Schema(List.of(COUNT, SUM))), StateTtl.NEVER, false, true);
        assertEquals(List.of("+I|2|3", "-U|2|3", "+U|3|6", "end"), RestoreAtEveryCut.check(factory, script).output());

        byte[] snapshot = RestoreAtEveryCut.snapshotAfter(factory, script);
        GroupAggregateOperatorFactory keyed = new GroupAggregateOperatorFactory(new int[] {0},
                RetractingCountSumKernel.class, List.of(), false, GroupAggregateHarness.ROWS,
                RowKinds.withRowKind(new Schema(List.of(GroupAggregateHarness.ROWS.getFields().get(0), COUNT, SUM))),
                StateTtl.NEVER, false, true);
        assertEquals(ErrorCode.DATA_ERROR, RestoreAtEveryCut.restoreFails(keyed, snapshot, Long.MAX_VALUE).code());
    }

    /** COUNT(*), SUM(v) of a changelog, grouped by k. */
    private static GroupAggregateOperatorFactory factory(StateTtl ttl) {
        Schema results = new Schema(List.of(GroupAggregateHarness.ROWS.getFields().get(0), COUNT, SUM));
        return new GroupAggregateOperatorFactory(new int[] {0}, RetractingCountSumKernel.class, List.of(), true,
                CHANGES, RowKinds.withRowKind(results), ttl, false, true);
    }

    private static Object[] change(String kind, String key, Long value) {
        return new Object[] {key, value, kind};
    }
}
