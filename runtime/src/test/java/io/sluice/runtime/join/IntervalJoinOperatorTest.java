package io.sluice.runtime.join;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.testing.MillisText;
import io.sluice.runtime.testing.OperatorScript;
import io.sluice.runtime.testing.RestoreAtEveryCut;
import io.sluice.runtime.vector.ColumnTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * The interval join driven by hand: when pairs come, when an outer row met by nothing is padded
 * (its bound passed by the watermark), how far the output watermark trails, and that each run,
 * snapshotted between any two steps and restored, emits the same. Rows of both inputs are
 * {@code (k BIGINT, ts TIMESTAMP, v VARCHAR)}, times in milliseconds; output rows are the left
 * columns then the right ones.
 */
class IntervalJoinOperatorTest {
    static final Schema SIDE = new Schema(List.of(Field.nullable("k", ColumnTypes.BIGINT),
            Field.nullable("ts", ColumnTypes.TIMESTAMP), Field.nullable("v", ColumnTypes.VARCHAR)));
    static final Schema JOINED = new Schema(List.of(Field.nullable("l_k", ColumnTypes.BIGINT),
            Field.nullable("l_ts", ColumnTypes.TIMESTAMP), Field.nullable("l_v", ColumnTypes.VARCHAR),
            Field.nullable("r_k", ColumnTypes.BIGINT), Field.nullable("r_ts", ColumnTypes.TIMESTAMP),
            Field.nullable("r_v", ColumnTypes.VARCHAR)));

    /** {@code l.ts BETWEEN r.ts - 2 AND r.ts + 1}: a left row waits 2 ms past its time, a right row 1 ms. */
    private static final TimeBounds BOUNDS = new TimeBounds(1, 0, 1, 0, -2, 1);

    @Test
    void aFullJoinPairsRowsWithinTheBoundsAndPadsTheUnmetWhenTheirBoundPasses() {
        OperatorScript script = new OperatorScript()
                .batch(0, SIDE, row(1L, 10L, "a"), row(1L, 20L, "b"), row(2L, 10L, "c"))
                // x (11) meets a (10) only; y (30) meets nothing yet
                .batch(1, SIDE, row(1L, 11L, "x"), row(1L, 30L, "y"))
                // a and c expire at 12 (time + 2), x at 12 (time + 1): c met nothing
                .watermark(12)
                // d (29) meets y; "late" (5) is past its bound: it meets nothing and is padded at
                // once; a NULL key meets nothing, padded at once
                .batch(0, SIDE, row(1L, 29L, "d"), row(1L, 5L, "late"), row(null, 25L, "n"))
                .batch(1, SIDE, row(1L, 21L, "z"))
                .watermark(25)
                // a right row that never meets anything: padded when its bound (40 + 1) passes
                .batch(1, SIDE, row(3L, 40L, "w"))
                .watermark(41)
                .endOfTime();
        IntervalJoinOperatorFactory factory = new IntervalJoinOperatorFactory(JoinKind.FULL, SIDE, SIDE,
                new int[] {0}, new int[] {0}, BOUNDS, null, JOINED);
        assertEquals(List.of(
                "1|10|a|1|11|x",
                "2|10|c|NULL|NULL|NULL",
                "watermark 10",
                "1|29|d|1|30|y", "1|5|late|NULL|NULL|NULL", "NULL|25|n|NULL|NULL|NULL",
                "1|20|b|1|21|z",
                "watermark 23",
                "NULL|NULL|NULL|3|40|w",
                "watermark 39",
                "watermark end", "end"), MillisText.of(RestoreAtEveryCut.check(factory, script).output()));

        RestoreAtEveryCut.everyDamageFails(factory, RestoreAtEveryCut.snapshotAfter(factory, script));
    }

    @Test
    void anInnerJoinEmitsOnlyPairsAndBoundsMayExcludeEqualTimes() {
        // l.ts > r.ts AND l.ts <= r.ts + 3 on columns that hold the rowtime plus 100 (left) and
        // minus 5 (right): distances of rowtimes in [1, 3]
        TimeBounds shifted = new TimeBounds(1, 100, 1, -5, 1, 3);
        OperatorScript script = new OperatorScript()
                .batch(1, SIDE, row(1L, -5L, "r0"), row(1L, 5L, "r10"))
                .batch(0, SIDE, row(1L, 100L, "l0"), row(1L, 101L, "l1"), row(1L, 103L, "l3"), row(1L, 104L, "l4"),
                        row(1L, 111L, "l11"))
                .watermark(20)
                .batch(0, SIDE, row(1L, 150L, "l50"))
                .endOfTime();
        IntervalJoinOperatorFactory factory = new IntervalJoinOperatorFactory(JoinKind.INNER, SIDE, SIDE,
                new int[] {0}, new int[] {0}, shifted, null, JOINED);
        assertEquals(List.of("1|101|l1|1|-5|r0", "1|103|l3|1|-5|r0", "1|111|l11|1|5|r10",
                "watermark 17", "watermark end", "end"), MillisText.of(RestoreAtEveryCut.check(factory, script).output()));
    }

    @Test
    void expiredRowsAreReclaimedAndTheRestStillMeet() {
        OperatorScript script = new OperatorScript();
        List<Object[]> many = new ArrayList<>();
        for (long t = 0; t < 3000; t++) {
            many.add(row(t % 7, t, "l" + t));
        }
        script.batch(0, SIDE, many.toArray(Object[][]::new))
                .watermark(2990)
                // only left rows at 2993 (key 4), 2994 (key 5) and 2995 (key 6) remain and meet
                .batch(1, SIDE, row(4L, 2995L, "x"), row(5L, 2995L, "y"), row(6L, 2995L, "z"))
                .endOfTime();
        IntervalJoinOperatorFactory factory = new IntervalJoinOperatorFactory(JoinKind.LEFT, SIDE, SIDE,
                new int[] {0}, new int[] {0}, BOUNDS, null, JOINED);
        List<String> output = MillisText.of(RestoreAtEveryCut.check(factory, script).output());
        // 2989 left rows (0..2988) padded when 2990 passes their bound, a watermark, 3 pairs, 8 rows
        // (2989..2992, 2996..2999) padded at the end, the end's watermark and the end
        assertEquals(2989 + 1 + 3 + 8 + 2, output.size());
        assertEquals(List.of("4|2993|l2993|4|2995|x",
                "5|2994|l2994|5|2995|y", "6|2995|l2995|6|2995|z"),
                output.stream().filter(line -> !line.contains("NULL") && line.contains("|")).toList());
    }

    static Object[] row(Long key, Long time, String value) {
        return new Object[] {key, time, value};
    }
}
