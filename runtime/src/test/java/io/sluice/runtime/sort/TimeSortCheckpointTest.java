package io.sluice.runtime.sort;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.testing.OperatorScript;
import io.sluice.runtime.testing.RestoreAtEveryCut;
import io.sluice.runtime.vector.ColumnTypes;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * A time sort emits, at each watermark, the rows it has passed in order, and keeps the others; one
 * snapshotted between any two steps and restored into a fresh operator emits what an uninterrupted
 * run emits. Rows are {@code (t BIGINT, k VARCHAR)}, ordered by t, then k.
 */
class TimeSortCheckpointTest {
    private static final Schema ROWS = new Schema(List.of(
            Field.nullable("t", ColumnTypes.BIGINT), Field.nullable("k", ColumnTypes.VARCHAR)));

    @Test
    void rowsLeaveInOrderAsTheWatermarkPassesThem() {
        OperatorScript script = new OperatorScript()
                .batch(ROWS, new Object[] {3L, "a"}, new Object[] {1L, "d"}, new Object[] {2L, "c"},
                        new Object[] {1L, "b"})
                .watermark(2)
                .batch(ROWS, new Object[] {5L, "e"}, new Object[] {4L, "f"})
                .watermark(4)
                .batch(ROWS, new Object[] {9L, "g"});
        TimeSortOperatorFactory factory = new TimeSortOperatorFactory(ROWS, 0,
                List.of(new SortField(0, false, false), new SortField(1, false, false)));
        // at 2: 1 b, 1 d, 2 c; at 4: 3 a, 4 f; at the end: 5 e, 9 g
        assertEquals(List.of("1|b", "1|d", "2|c", "watermark 2", "3|a", "4|f", "watermark 4", "5|e", "9|g", "end"),
                RestoreAtEveryCut.check(factory, script).output());
        RestoreAtEveryCut.everyDamageFails(factory, RestoreAtEveryCut.snapshotAfter(factory, script));
    }
}
