package io.sluice.runtime.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.sort.SortField;
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
 * The window Top-N driven by hand: each window's ranking comes out once, when the watermark passes
 * the window's end, and a row of a fired window is late; each run, snapshotted between any two
 * steps and restored, emits the same. Rows are {@code (window_end TIMESTAMP, k BIGINT, v BIGINT)}
 * partitioned by window and {@code k}, ranked by {@code v} descending; output rows the same and the
 * rank when it is output.
 */
class WindowRankOperatorTest {
    private static final Schema ROWS = new Schema(List.of(Field.nullable("window_end", ColumnTypes.TIMESTAMP),
            Field.nullable("k", ColumnTypes.BIGINT), Field.nullable("v", ColumnTypes.BIGINT)));

    @Test
    void theTopTwoOfEachWindowAndKeyComeOutWhenTheWindowFires() {
        OperatorScript script = new OperatorScript()
                .batch(ROWS, row(10, 1, 5), row(10, 1, 7), row(10, 1, 6), row(10, 2, 1), row(20, 1, 9))
                // 4 cannot enter key 1's top two of window 10: it is not kept
                .batch(ROWS, row(10, 1, 4), row(20, 1, 8), row(20, 1, 10))
                .watermark(9)
                // window 10 has fired: late
                .batch(ROWS, row(10, 1, 100))
                .watermark(15)
                .endOfTime();
        assertEquals(List.of("10|1|7|1", "10|1|6|2", "10|2|1|1", "watermark 9", "watermark 15",
                "20|1|10|1", "20|1|9|2", "watermark end", "end"),
                MillisText.of(RestoreAtEveryCut.check(factory(RankFunction.ROW_NUMBER, 1, 2, true), script).output()));

        RestoreAtEveryCut.everyDamageFails(factory(RankFunction.ROW_NUMBER, 1, 2, true),
                RestoreAtEveryCut.snapshotAfter(factory(RankFunction.ROW_NUMBER, 1, 2, true), script));
    }

    @Test
    void rankKeepsTiesAndLowBoundsLeaveOutTheFirstRanks() {
        OperatorScript script = new OperatorScript()
                .batch(ROWS, row(10, 1, 5), row(10, 1, 7), row(10, 1, 7), row(10, 1, 6), row(10, 1, 3))
                .endOfTime();
        // RANK: 7, 7 are 1; 6 is 3; 5 is 4 (beyond 3); ranks 2..3 keep 6 only
        assertEquals(List.of("10|1|6|3", "watermark end", "end"),
                MillisText.of(RestoreAtEveryCut.check(factory(RankFunction.RANK, 2, 3, true), script).output()));
        // DENSE_RANK: 7, 7 are 1, 6 is 2, 5 is 3; without the rank column
        assertEquals(List.of("10|1|6", "10|1|5", "watermark end", "end"),
                MillisText.of(RestoreAtEveryCut.check(factory(RankFunction.DENSE_RANK, 2, 3, false), script)
                        .output()));
    }

    @Test
    void ofTiedRowsTheFirstOrTheLastThatCameIsKept() {
        OperatorScript script = new OperatorScript()
                .batch(ROWS, row(10, 3, 1), row(10, 2, 9))
                .batch(ROWS, row(10, 3, 2))
                .endOfTime();
        List<Field> fields = ROWS.getFields();
        for (boolean newestFirst : new boolean[] {false, true}) {
            WindowRankOperatorFactory dedup = new WindowRankOperatorFactory(ROWS, new int[] {0}, 0,
                    List.of(new SortField(1, true, false)), newestFirst, RankFunction.ROW_NUMBER, 1, 1, false,
                    new Schema(fields));
            assertEquals(List.of(newestFirst ? "10|3|2" : "10|3|1", "watermark end", "end"),
                    MillisText.of(RestoreAtEveryCut.check(dedup, script).output()));
        }
    }

    private static WindowRankOperatorFactory factory(RankFunction function, long low, long high, boolean outputRank) {
        List<Field> fields = new ArrayList<>(ROWS.getFields());
        if (outputRank) {
            fields.add(Field.notNullable("rank", ColumnTypes.BIGINT));
        }
        return new WindowRankOperatorFactory(ROWS, new int[] {0, 1}, 0, List.of(new SortField(2, true, false)), false,
                function, low, high, outputRank, new Schema(fields));
    }

    private static Object[] row(long windowEnd, long key, long value) {
        return new Object[] {windowEnd, key, value};
    }
}
