package io.sluice.runtime.rank;

import static io.sluice.runtime.rank.RankHarness.ROWS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.sort.SortField;
import io.sluice.runtime.state.StateTtl;
import io.sluice.runtime.testing.OperatorScript;
import io.sluice.runtime.testing.RestoreAtEveryCut;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * A Top-N snapshotted between any two steps and restored into a fresh operator emits what an
 * uninterrupted run emits: every partition's sorted rows are in the snapshot. Rows are
 * {@code (k VARCHAR, v BIGINT)}, partitioned by {@code k}, ranked by {@code v} descending (NULLs
 * first); output {@code op|k|v} and the rank when it is output.
 */
class RankCheckpointTest {
    @Test
    void aTopTwoOfAChangelogResumesWithTheRowsBelowItsRange() {
        Schema changes = RowKinds.withRowKind(ROWS);
        OperatorScript script = new OperatorScript()
                .batch(changes, change("+I", "a", 10L), change("+I", "a", 20L), change("+I", "b", 5L))
                .batch(changes, change("+I", "a", 15L))
                // a's 10, ranked out by 15, comes back when 20 goes
                .batch(changes, change("-D", "a", 20L))
                .batch(changes, change("+I", "b", null))
                .batch(changes, change("-U", "b", 5L), change("+U", "b", 7L));
        assertEquals(List.of("+I|a|10|1", "-U|a|10|1", "+U|a|10|2", "+I|a|20|1", "+I|b|5|1",
                "-U|a|10|2", "+U|a|15|2",
                "-U|a|20|1", "+U|a|10|2", "-U|a|15|2", "+U|a|15|1",
                "-U|b|5|1", "+U|b|5|2", "+I|b|NULL|1",
                "-D|b|5|2", "+I|b|7|2", "end"),
                RestoreAtEveryCut.check(factory(true, RankFunction.ROW_NUMBER, 2, true), script).output());

        RestoreAtEveryCut.everyDamageFails(factory(true, RankFunction.ROW_NUMBER, 2, true),
                RestoreAtEveryCut.snapshotAfter(factory(true, RankFunction.ROW_NUMBER, 2, true), script));
    }

    @Test
    void aDeduplicationOfAppendedRowsResumes() {
        OperatorScript script = new OperatorScript()
                .batch(ROWS, new Object[] {"a", 1L}, new Object[] {"a", 3L}, new Object[] {"b", 2L})
                // 2 cannot enter a's top one: it is not kept
                .batch(ROWS, new Object[] {"a", 2L}, new Object[] {"a", 5L});
        assertEquals(List.of("+I|a|1", "-U|a|1", "+U|a|3", "+I|b|2", "-U|a|3", "+U|a|5", "end"),
                RestoreAtEveryCut.check(factory(false, RankFunction.ROW_NUMBER, 1, false), script).output());
    }

    private static RankOperatorFactory factory(boolean updating, RankFunction function, long high, boolean outputRank) {
        List<Field> fields = new ArrayList<>(ROWS.getFields());
        if (outputRank) {
            fields.add(new Field("rank", FieldType.notNullable(new ArrowType.Int(64, true)), null));
        }
        return new RankOperatorFactory(ROWS, updating, new int[] {0}, List.of(new SortField(1, true, true)), false, function,
                1, high, outputRank, RowKinds.withRowKind(new Schema(fields)), StateTtl.NEVER);
    }

    private static Object[] change(String kind, String key, Long value) {
        return new Object[] {key, value, kind};
    }
}
