package io.sluice.runtime.join;

import static io.sluice.runtime.join.JoinOperatorTest.JOINED;
import static io.sluice.runtime.join.JoinOperatorTest.SIDE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.state.StateTtl;
import io.sluice.runtime.testing.OperatorScript;
import io.sluice.runtime.testing.RestoreAtEveryCut;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * A regular join snapshotted between any two steps and restored into a fresh operator emits what
 * an uninterrupted run emits: both inputs' kept rows, their counts of matches, when their keys were
 * last used and when idle keys were last looked for are all in the snapshot. Both inputs are
 * changelogs of {@code (k BIGINT, v VARCHAR)}.
 */
class JoinCheckpointTest {
    private static final Schema CHANGES = RowKinds.withRowKind(SIDE);

    @Test
    void aLeftJoinResumesWithItsRowsTheirMatchesAndTheirAge() {
        OperatorScript script = new OperatorScript()
                .batch(0, CHANGES, change("+I", 1L, "a"), change("+I", 2L, "b"), change("+I", null, "n"))
                .batch(1, CHANGES, change("+I", 1L, "x"))
                .batch(1, CHANGES, change("+I", 1L, "y"), change("+I", 3L, "z"))
                .batch(0, CHANGES, change("+I", 1L, "c"))
                .batch(1, CHANGES, change("-D", 1L, "x"))
                .batch(0, CHANGES, change("-U", 1L, "a"), change("+U", 1L, "a2"))
                .advance(11_000)
                // after this batch keys 1 and 3, idle for 11 s, are dropped (the TTL is 10 s)
                .batch(1, CHANGES, change("+I", 2L, "w"))
                .batch(1, CHANGES, change("+I", 1L, "q"))
                .batch(0, CHANGES, change("+I", 1L, "r"))
                .watermark(7);
        JoinOperatorFactory factory = new JoinOperatorFactory(JoinKind.LEFT, SIDE, SIDE, new int[] {0}, new int[] {0},
                true, true, null, true, RowKinds.withRowKind(JOINED), new StateTtl(10_000));
        assertEquals(List.of("+I|1|a|NULL|NULL", "+I|2|b|NULL|NULL", "+I|NULL|n|NULL|NULL",
                "-D|1|a|NULL|NULL", "+I|1|a|1|x",
                "+I|1|a|1|y",
                "+I|1|c|1|x", "+I|1|c|1|y",
                "-D|1|a|1|x", "-D|1|c|1|x",
                "-D|1|a|1|y", "+I|1|a2|1|y",
                "-D|2|b|NULL|NULL", "+I|2|b|2|w",
                "+I|1|r|1|q",
                "watermark 7", "end"), RestoreAtEveryCut.check(factory, script).output());

        RestoreAtEveryCut.everyDamageFails(factory, RestoreAtEveryCut.snapshotAfter(factory, script));
    }

    @Test
    void anAntiJoinResumesWithItsCountsOfMatches() {
        OperatorScript script = new OperatorScript()
                .batch(0, CHANGES, change("+I", 1L, "a"), change("+I", 2L, "b"))
                .batch(1, CHANGES, change("+I", 1L, "x"))
                .batch(1, CHANGES, change("-D", 1L, "x"))
                .batch(0, CHANGES, change("-D", 2L, "b"));
        JoinOperatorFactory factory = new JoinOperatorFactory(JoinKind.ANTI, SIDE, SIDE, new int[] {0}, new int[] {0},
                true, true, null, true, CHANGES, StateTtl.NEVER);
        assertEquals(List.of("+I|1|a", "+I|2|b", "-D|1|a", "+I|1|a", "-D|2|b", "end"),
                RestoreAtEveryCut.check(factory, script).output());
    }

    private static Object[] change(String kind, Long key, String value) {
        return new Object[] {key, value, kind};
    }
}
