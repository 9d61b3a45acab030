package io.sluice.runtime.join;

import static io.sluice.runtime.join.WindowJoinOperatorTest.JOINED;
import static io.sluice.runtime.join.WindowJoinOperatorTest.SIDE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.format.text.TimestampFormatter;
import io.sluice.runtime.testing.OperatorScript;
import io.sluice.runtime.testing.RestoreAtEveryCut;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A window join snapshotted between any two steps and restored into a fresh operator emits what
 * an uninterrupted run emits: each open window's buffered rows of both inputs, and the watermark
 * (which decides what is late), are in the snapshot. Rows are {@code (window_end, k BIGINT, name)}.
 */
class WindowJoinCheckpointTest {
    @Test
    void aLeftWindowJoinResumesWithTheRowsOfItsOpenWindows() {
        OperatorScript script = new OperatorScript()
                .batch(0, SIDE, row(5_000, 1, "a"), row(10_000, 2, "b"), row(5_000, 3, "c"))
                .batch(1, SIDE, row(5_000, 1, "x"), row(5_000, 2, "y"), row(10_000, 2, "z0"))
                .watermark(4_999)
                // the window ending at 5 s has joined: its row is late
                .batch(1, SIDE, row(5_000, 1, "late"), row(10_000, 2, "z"))
                .batch(0, SIDE, row(10_000, 2, "b2"), row(15_000, 1, "d"))
                .watermark(12_000)
                .endOfTime();
        WindowJoinOperatorFactory factory = new WindowJoinOperatorFactory(JoinKind.LEFT, SIDE, SIDE, new int[] {1},
                new int[] {1}, 0, 0, JOINED);
        assertEquals(List.of(pair(5_000, 1, "a", "x"), at(5_000) + "|3|c|NULL|NULL|NULL", "watermark 4999",
                pair(10_000, 2, "b", "z0"), pair(10_000, 2, "b2", "z0"), pair(10_000, 2, "b", "z"),
                pair(10_000, 2, "b2", "z"), "watermark 12000",
                at(15_000) + "|1|d|NULL|NULL|NULL", "watermark end", "end"),
                RestoreAtEveryCut.check(factory, script).output());

        RestoreAtEveryCut.everyDamageFails(factory, RestoreAtEveryCut.snapshotAfter(factory, script));
    }

    private static Object[] row(long end, long key, String name) {
        return new Object[] {end, key, name};
    }

    private static String pair(long end, long key, String left, String right) {
        return at(end) + "|" + key + "|" + left + "|" + at(end) + "|" + key + "|" + right;
    }

    private static String at(long millis) {
        return TimestampFormatter.format(millis);
    }
}
