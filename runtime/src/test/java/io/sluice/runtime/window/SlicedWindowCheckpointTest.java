package io.sluice.runtime.window;

import static io.sluice.runtime.window.WindowHarness.INPUT;
import static io.sluice.runtime.window.WindowHarness.at;
import static io.sluice.runtime.window.WindowHarness.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.operator.limit.LimitOperatorFactory;
import io.sluice.runtime.testing.OperatorScript;
import io.sluice.runtime.testing.RestoreAtEveryCut;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * Sliced windows snapshotted between any two steps and restored into a fresh operator emit what
 * an uninterrupted run emits: open slices with their keys and accumulators, and the watermark
 * (which decides what is late and what has fired), are all in the snapshot. Rows are
 * {@code (ts, k VARCHAR, v BIGINT)}; results {@code start|end|key|COUNT(*)|SUM(v)}.
 */
class SlicedWindowCheckpointTest {
    private static final Field BOUND = Field.nullable("b", new ArrowType.Timestamp(TimeUnit.MILLISECOND, null));
    private static final Field COUNT = new Field("count", FieldType.notNullable(new ArrowType.Int(64, true)), null);
    private static final Field SUM = new Field("sum", FieldType.notNullable(new ArrowType.Int(64, true)), null);

    @Test
    void aTumbleWindowResumesWithItsSlicesAndItsWatermark() {
        OperatorScript script = new OperatorScript()
                .batch(INPUT, row(1, "a", 1), row(2, "b", 2), row(6, "a", 4))
                .watermark(millis(3))
                .batch(INPUT, row(4, "a", 8), row(7, "b", 16), new Object[] {null, "a", 1000L}, row(3, "c", 32))
                .watermark(millis(5))
                // 00:04.5 is late: [0, 5) fired
                .batch(INPUT, row(4.5, "a", 64), row(9, "a", 128))
                .watermark(millis(12))
                .batch(INPUT, row(13, "b", 256))
                .endOfTime();
        RestoreAtEveryCut.Result result = RestoreAtEveryCut.check(factory(WindowSpec.tumble(5_000, 0), 1), script);
        String first = at(0) + "|" + at(5) + "|";
        String second = at(5) + "|" + at(10) + "|";
        assertEquals(List.of("watermark " + millis(3),
                first + "a|2|9", first + "b|1|2", first + "c|1|32", "watermark " + millis(5),
                second + "a|2|132", second + "b|1|16", "watermark " + millis(12),
                at(10) + "|" + at(15) + "|b|1|256", "watermark end", "end"), result.output());
    }

    @Test
    void hopWindowsByAnIntegralKeyResume() {
        // keyed by v, a BIGINT: the primitive hash
        OperatorScript script = new OperatorScript()
                .batch(INPUT, row(1, "a", 1), row(3, "a", 2), row(5, "a", 1))
                .watermark(millis(4))
                .batch(INPUT, row(2, "a", 2), row(9, "a", 1), row(0.5, "a", 1))
                .watermark(millis(8))
                .batch(INPUT, row(10, "a", 3))
                .endOfTime();
        // Windows end every 2 s and are 6 s long. 00:02 and 00:00.5 are not late: [0, 6) is open.
        assertEquals(List.of(window(-4, 2) + "1|1|1", window(-2, 4) + "1|1|1", window(-2, 4) + "2|1|2",
                "watermark " + millis(4),
                window(0, 6) + "1|3|3", window(0, 6) + "2|2|4", window(2, 8) + "2|2|4", window(2, 8) + "1|1|1",
                "watermark " + millis(8),
                window(4, 10) + "1|2|2", window(6, 12) + "1|1|1", window(6, 12) + "3|1|3", window(8, 14) + "1|1|1",
                window(8, 14) + "3|1|3", window(10, 16) + "3|1|3", "watermark end", "end"),
                RestoreAtEveryCut.check(factory(WindowSpec.hop(2_000, 6_000, 0), 2), script).output());
    }

    private static String window(double start, double end) {
        return at(start) + "|" + at(end) + "|";
    }

    @Test
    void cumulateWindowsWithoutKeysResume() {
        OperatorScript script = new OperatorScript()
                .batch(INPUT, row(1, "a", 1), row(7, "b", 2))
                .watermark(millis(5))
                .batch(INPUT, row(4, "a", 4), row(8, "c", 8), row(12, "d", 16))
                .watermark(millis(10))
                .batch(INPUT, row(11, "a", 32))
                .endOfTime();
        List<String> output = RestoreAtEveryCut.check(factory(WindowSpec.cumulate(5_000, 10_000, 0), -1), script)
                .output();
        // [0, 5): 00:01; [0, 10): 00:01, 00:04 (not late: [0, 10) was open), 00:07, 00:08; [10, 15): 00:11, 00:12
        assertEquals(List.of(at(0) + "|" + at(5) + "|1|1", "watermark " + millis(5),
                at(0) + "|" + at(10) + "|4|15", "watermark " + millis(10),
                at(10) + "|" + at(15) + "|2|48", at(10) + "|" + at(20) + "|2|48", "watermark end", "end"), output);
    }

    @Test
    void aGlobalAggregationResumes() {
        OperatorScript script = new OperatorScript()
                .batch(INPUT, row(1, "a", 1), row(2, "b", 2))
                .batch(INPUT, row(3, "a", 4))
                .endOfTime();
        assertEquals(List.of("a|2|5", "b|1|2", "watermark end", "end"),
                RestoreAtEveryCut.check(factory(WindowSpec.global(), 1), script).output());
    }

    @Test
    void accumulatorsThatKeepObjectsResume() {
        // HOP windows of 4 s every 2 s, without keys; COUNT(*) and LISTAGG(k) in arrival order per slice
        WindowAggregateOperatorFactory factory = new WindowAggregateOperatorFactory(WindowSpec.hop(2_000, 4_000, 0), 0,
                new int[0], List.of(GroupOutput.window(GroupOutput.Kind.WINDOW_END)), CountListAggKernel.class,
                List.of(), INPUT, new Schema(List.of(BOUND, COUNT, Field.nullable("list", ArrowType.Utf8.INSTANCE))));
        OperatorScript script = new OperatorScript()
                .batch(INPUT, row(1, "a", 0), row(3, "b", 0), row(1.5, null, 0))
                .watermark(millis(2))
                .batch(INPUT, row(2.5, "c", 0), row(5, "d", 0))
                .endOfTime();
        assertEquals(List.of(at(2) + "|2|a", "watermark " + millis(2), at(4) + "|4|a,b,c", at(6) + "|3|b,c,d",
                at(8) + "|1|d", "watermark end", "end"), RestoreAtEveryCut.check(factory, script).output());
        RestoreAtEveryCut.everyDamageFails(factory, RestoreAtEveryCut.snapshotAfter(factory, script));
    }

    @Test
    void aSnapshotOfOtherWindowsOrOfAnotherOperatorIsRefused() {
        OperatorScript script = new OperatorScript().batch(INPUT, row(1, "a", 1)).watermark(millis(0.5));
        byte[] tumble = RestoreAtEveryCut.snapshotAfter(factory(WindowSpec.tumble(5_000, 0), 1), script);

        SluiceException otherWindows = RestoreAtEveryCut.restoreFails(factory(WindowSpec.tumble(10_000, 0), 1), tumble,
                Long.MAX_VALUE);
        assertEquals(ErrorCode.DATA_ERROR, otherWindows.code());
        assertTrue(otherWindows.getMessage().contains("TUMBLE(size=5000ms)"), otherWindows.getMessage());

        SluiceException otherOperator = RestoreAtEveryCut.restoreFails(new LimitOperatorFactory(3, true), tumble,
                Long.MAX_VALUE);
        assertEquals("cannot restore the state of Limit from this snapshot: it is the state of a WindowAggregate "
                + "operator (the query changed?)", otherOperator.getMessage());

        RestoreAtEveryCut.everyDamageFails(factory(WindowSpec.tumble(5_000, 0), 1), tumble);
    }

    @Test
    void restoredStateCountsAgainstTheQuerysMemory() {
        Object[][] rows = new Object[20_000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = row(1, "key-" + i, i);
        }
        WindowAggregateOperatorFactory factory = factory(WindowSpec.tumble(5_000, 0), 1);
        byte[] snapshot = RestoreAtEveryCut.snapshotAfter(factory, new OperatorScript().batch(INPUT, rows));
        SluiceException overLimit = RestoreAtEveryCut.restoreFails(factory, snapshot, 1 << 20);
        assertEquals(ErrorCode.MEMORY_LIMIT_EXCEEDED, overLimit.code(), overLimit.getMessage());
    }

    /** A COUNT(*), SUM(v) window aggregation, keyed by input column {@code key} (none if negative). */
    static WindowAggregateOperatorFactory factory(WindowSpec window, int key) {
        List<GroupOutput> groups = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        if (window.kind() != WindowKind.GLOBAL) {
            groups.add(GroupOutput.window(GroupOutput.Kind.WINDOW_START));
            groups.add(GroupOutput.window(GroupOutput.Kind.WINDOW_END));
            fields.add(BOUND);
            fields.add(BOUND);
        }
        if (key >= 0) {
            groups.add(GroupOutput.key(0));
            fields.add(INPUT.getFields().get(key));
        }
        fields.add(COUNT);
        fields.add(SUM);
        return new WindowAggregateOperatorFactory(window, 0, key >= 0 ? new int[] {key} : new int[0], groups,
                CountSumKernel.class, List.of(), INPUT, new Schema(fields));
    }

    static Object[] row(double seconds, String key, long value) {
        return new Object[] {millis(seconds), key, value};
    }
}
