package io.sluice.runtime.over;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.aggregate.RetractingCountSumKernel;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.testing.OperatorScript;
import io.sluice.runtime.testing.RestoreAtEveryCut;
import java.util.List;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * An OVER aggregation snapshotted between any two steps and restored into a fresh operator emits
 * what an uninterrupted run emits: rows waiting for the watermark, the frame's rows and
 * accumulators, the rows LAG reads and the time before which rows are late are all in the
 * snapshot. Rows are {@code (k VARCHAR, v BIGINT, ts TIMESTAMP)} partitioned by {@code k}; the
 * results {@code k|v|ts|COUNT(*)|SUM(v)} (and LAG values). Expected rows worked out by hand.
 */
class OverAggregateCheckpointTest {
    private static final Field K = Field.nullable("k", ArrowType.Utf8.INSTANCE);
    private static final Field V = Field.nullable("v", new ArrowType.Int(64, true));
    private static final Field TS = Field.nullable("ts", new ArrowType.Timestamp(TimeUnit.MILLISECOND, null));
    private static final Field COUNT = new Field("count", FieldType.notNullable(new ArrowType.Int(64, true)), null);
    private static final Field SUM = Field.nullable("sum", new ArrowType.Int(64, true));
    private static final Schema ROWS = new Schema(List.of(K, V, TS));

    @Test
    void aRangeFrameResumesWithItsPeersAndItsLateRows() {
        OperatorScript script = new OperatorScript()
                .batch(ROWS, row("a", 1, 1000), row("a", 3, 3000), row("b", 5, 2000), row("a", 2, 2000))
                .watermark(2000)
                // a emitted up to 2 s: its row at 1.5 s is late; the two at 3 s are peers
                .batch(ROWS, row("a", 9, 1500), row("b", 4, 3000), row("a", 6, 3000))
                .watermark(4000)
                .batch(ROWS, row("a", 7, 6000))
                .watermark(7000);
        OverAggregateOperatorFactory factory = factory(new OverFrame(false, 2000), List.of());
        assertEquals(List.of(
                "a|1|1970-01-01 00:00:01.000|1|1", "a|2|1970-01-01 00:00:02.000|2|3", "b|5|1970-01-01 00:00:02.000|1|5",
                "watermark 2000",
                // a's frame [1 s, 3 s] holds 1, 2, 3, 6; b's [1 s, 3 s] holds 5, 4
                "a|3|1970-01-01 00:00:03.000|4|12", "a|6|1970-01-01 00:00:03.000|4|12", "b|4|1970-01-01 00:00:03.000|2|9",
                "watermark 4000",
                // [4 s, 6 s]: 1, 2, 3 and 6 left the frame
                "a|7|1970-01-01 00:00:06.000|1|7", "watermark 7000", "end"),
                RestoreAtEveryCut.check(factory, script).output());

        byte[] snapshot = RestoreAtEveryCut.snapshotAfter(factory, script);
        RestoreAtEveryCut.everyDamageFails(factory, snapshot);
        assertEquals(ErrorCode.DATA_ERROR, RestoreAtEveryCut.restoreFails(factory(new OverFrame(true, 1), List.of()),
                snapshot, Long.MAX_VALUE).code());
    }

    @Test
    void aRowsFrameAndLagResumeWithTheRowsTheyStillRead() {
        OperatorScript script = new OperatorScript()
                .batch(ROWS, row("a", 1, 1000), row("a", 2, 2000))
                .watermark(1500)
                .batch(ROWS, row("a", 3, 3000), row("a", 4, 4000), row("a", 5, 5000))
                .watermark(4000)
                .watermark(9000);
        // ROWS 1 PRECEDING; LAG(v, 2) and LAG(v, 1, default v) after the aggregates
        OverAggregateOperatorFactory factory = factory(new OverFrame(true, 1),
                List.of(new LagCall(1, 2, -1), new LagCall(1, 1, 1)));
        assertEquals(List.of(
                "a|1|1970-01-01 00:00:01.000|1|1|NULL|1", "watermark 1500",
                "a|2|1970-01-01 00:00:02.000|2|3|NULL|1", "a|3|1970-01-01 00:00:03.000|2|5|1|2",
                "a|4|1970-01-01 00:00:04.000|2|7|2|3", "watermark 4000",
                "a|5|1970-01-01 00:00:05.000|2|9|3|4", "watermark 9000", "end"),
                RestoreAtEveryCut.check(factory, script).output());
    }

    private static Object[] row(String k, long v, long ts) {
        return new Object[] {k, v, ts};
    }

    private static OverAggregateOperatorFactory factory(OverFrame frame, List<LagCall> lags) {
        List<Field> output = new java.util.ArrayList<>(List.of(K, V, TS, COUNT, SUM));
        for (int l = 0; l < lags.size(); l++) {
            output.add(Field.nullable("lag" + l, new ArrowType.Int(64, true)));
        }
        return new OverAggregateOperatorFactory(ROWS, new int[] {0}, 2, true, frame,
                lags.isEmpty() ? RetractingCountSumKernel.class : CountSumBeforeLagsKernel.class, List.of(), lags,
                new Schema(output));
    }
}
