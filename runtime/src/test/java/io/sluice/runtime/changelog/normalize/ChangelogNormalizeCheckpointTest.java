package io.sluice.runtime.changelog.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.state.StateTtl;
import io.sluice.runtime.testing.OperatorScript;
import io.sluice.runtime.testing.RestoreAtEveryCut;
import io.sluice.runtime.vector.ColumnTypes;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * The normalisation of an upsert changelog snapshotted between any two steps and restored into a
 * fresh operator emits what an uninterrupted run emits: each key's last row, when it was touched
 * and when idle keys are looked for next are in the snapshot. Rows are {@code (id BIGINT, v VARCHAR)}
 * keyed by {@code id}.
 */
class ChangelogNormalizeCheckpointTest {
    private static final Schema CHANGES = RowKinds.withRowKind(new Schema(List.of(
            Field.nullable("id", ColumnTypes.BIGINT), Field.nullable("v", ColumnTypes.VARCHAR))));

    @Test
    void upsertsResumeWithTheLastRowOfEachKeyAndItsAge() {
        OperatorScript script = new OperatorScript()
                .batch(CHANGES, change("+I", 1, "a"), change("+I", 2, "b"))
                // the same row again changes nothing
                .batch(CHANGES, change("+U", 1, "a"), change("+U", 1, "a2"))
                // a tombstone carries only the key; an unknown key's delete and an old value are skipped
                .batch(CHANGES, change("-D", 2, null), change("-D", 3, "x"), change("-U", 1, "a2"))
                .advance(6_000)
                .batch(CHANGES, change("+I", 3, "c"))
                .advance(5_000)
                // after this batch, key 1, idle for 11 s, is forgotten (the TTL is 10 s)
                .batch(CHANGES, change("+U", 3, "c2"))
                .batch(CHANGES, change("+U", 1, "a3"));
        ChangelogNormalizeOperatorFactory factory = new ChangelogNormalizeOperatorFactory(new int[] {0}, CHANGES,
                new StateTtl(10_000));
        assertEquals(List.of("+I|1|a", "+I|2|b", "-U|1|a", "+U|1|a2", "-D|2|b", "+I|3|c", "-U|3|c", "+U|3|c2",
                "+I|1|a3", "end"), RestoreAtEveryCut.check(factory, script).output());

        RestoreAtEveryCut.everyDamageFails(factory, RestoreAtEveryCut.snapshotAfter(factory, script));
    }

    private static Object[] change(String kind, long id, String value) {
        return new Object[] {id, value, kind};
    }
}
