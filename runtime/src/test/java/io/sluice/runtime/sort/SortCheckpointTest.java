package io.sluice.runtime.sort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.testing.OperatorScript;
import io.sluice.runtime.testing.RestoreAtEveryCut;
import io.sluice.runtime.vector.ColumnTypes;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * A sort snapshotted between any two steps and restored into a fresh operator emits what an
 * uninterrupted run emits: the rows it buffered (with their kinds, over a changelog) are in the
 * snapshot. Rows are {@code (k VARCHAR, v BIGINT)}.
 */
class SortCheckpointTest {
    private static final Schema ROWS = new Schema(List.of(
            Field.nullable("k", ColumnTypes.VARCHAR), Field.nullable("v", ColumnTypes.BIGINT)));

    @Test
    void aSortOfAChangelogResumesWithTheRowsAndKindsItBuffered() {
        Schema changes = RowKinds.withRowKind(ROWS);
        OperatorScript script = new OperatorScript()
                .batch(changes, new Object[] {"a", 3L, "+I"}, new Object[] {"b", 1L, "+I"},
                        new Object[] {"c", 2L, "+I"})
                .batch(changes, new Object[] {"b", 1L, "-D"}, new Object[] {"d", 5L, "+I"},
                        new Object[] {"e", null, "+I"})
                .watermark(9);
        // the rows left, by v (NULLs last): c 2, a 3, d 5, e NULL; OFFSET 1 FETCH 2
        SortOperatorFactory factory = new SortOperatorFactory(ROWS, true, List.of(new SortField(1, false, false)), 1,
                2);
        assertEquals(List.of("a|3", "d|5", "watermark end", "end"), RestoreAtEveryCut.check(factory, script).output());

        RestoreAtEveryCut.everyDamageFails(factory, RestoreAtEveryCut.snapshotAfter(factory, script));
    }

    @Test
    void aSortWithALimitResumesWithTheRowsItKept() {
        OperatorScript script = new OperatorScript();
        for (int batch = 0; batch < 3; batch++) {
            Object[][] rows = new Object[2_000][];
            for (int i = 0; i < rows.length; i++) {
                long v = (batch * 2_000L + i) * 7_919 % 6_000;
                rows[i] = new Object[] {"r" + v, v};
            }
            script.batch(ROWS, rows);
        }
        // 6,000 rows are over twice the 3 kept and over 4,096: the third batch drops all but the first 3
        SortOperatorFactory factory = new SortOperatorFactory(ROWS, false, List.of(new SortField(1, true, false)), 0,
                3);
        RestoreAtEveryCut.Result result = RestoreAtEveryCut.check(factory, script);
        assertEquals(List.of("r5999|5999", "r5998|5998", "r5997|5997", "watermark end", "end"), result.output());
        int[] sizes = result.snapshotSizes();
        assertTrue(sizes[3] < sizes[2], "the snapshot after the third batch holds 3 rows, not 6,000");
    }
}
