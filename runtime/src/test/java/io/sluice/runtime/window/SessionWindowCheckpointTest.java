package io.sluice.runtime.window;

import static io.sluice.runtime.window.SlicedWindowCheckpointTest.factory;
import static io.sluice.runtime.window.SlicedWindowCheckpointTest.row;
import static io.sluice.runtime.window.WindowHarness.INPUT;
import static io.sluice.runtime.window.WindowHarness.at;
import static io.sluice.runtime.window.WindowHarness.millis;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.testing.OperatorScript;
import io.sluice.runtime.testing.RestoreAtEveryCut;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Session windows snapshotted between any two steps and restored into a fresh operator emit what
 * an uninterrupted run emits: each key's sessions (in the order merges look at them), their
 * accumulators, and the watermark are all in the snapshot. Results are
 * {@code start|end|key|COUNT(*)|SUM(v)}.
 */
class SessionWindowCheckpointTest {
    @Test
    void sessionsResumeWithTheirMergesAndTheOrderTheyFireIn() {
        OperatorScript script = new OperatorScript()
                // a: [10, 20) and [20, 30) touch and merge; b: [10, 20) and [20.001, 30.001) do not
                .batch(INPUT, row(10, "a", 1), row(20, "a", 2), row(10, "b", 4), row(20.001, "b", 8), row(15, "c", 1))
                .watermark(millis(25))
                // 00:12 reaches a's open session; b at 00:05 is late; d and e end together
                .batch(INPUT, row(12, "a", 16), row(5, "b", 32), row(40, null, 64), row(21, "d", 128),
                        row(21, "e", 256))
                .batch(INPUT, row(35, "a", 512))
                // 00:28 bridges a's [10, 30) and [35, 45)
                .batch(INPUT, row(28, "a", 1024))
                .watermark(millis(31))
                .endOfTime();
        List<String> output = RestoreAtEveryCut.check(factory(WindowSpec.session(10_000), 1), script).output();
        assertEquals(List.of(
                at(10) + "|" + at(20) + "|b|1|4", at(15) + "|" + at(25) + "|c|1|1", "watermark " + millis(25),
                at(20.001) + "|" + at(30.001) + "|b|1|8", at(21) + "|" + at(31) + "|d|1|128",
                at(21) + "|" + at(31) + "|e|1|256", "watermark " + millis(31),
                at(10) + "|" + at(45) + "|a|5|1555", at(40) + "|" + at(50) + "|NULL|1|64", "watermark end", "end"),
                output);
    }

    @Test
    void sessionsResumeAfterTheKeysWereCompacted() {
        Object[][] many = new Object[1_100][];
        for (int i = 0; i < many.length; i++) {
            many[i] = row(1, "key-" + i, i);
        }
        OperatorScript script = new OperatorScript()
                .batch(INPUT, many)
                .batch(INPUT, row(15, "z", 1))
                // every key-i session fires; only z is open, so the keys are compacted
                .watermark(millis(12))
                .batch(INPUT, row(16, "key-5", 2), row(20, "z", 4))
                .endOfTime();
        List<String> output = RestoreAtEveryCut.check(factory(WindowSpec.session(10_000), 1), script).output();
        assertEquals(1_100 + 5, output.size());
        // key-5 comes back after the compaction: [16, 26) ends before z's [15, 30)
        assertEquals(List.of(at(16) + "|" + at(26) + "|key-5|1|2", at(15) + "|" + at(30) + "|z|2|5", "watermark end",
                "end"), output.subList(1_101, 1_105));
    }

    @Test
    void aSnapshotOfSlicedWindowsIsNotASessionsOne() {
        byte[] tumble = RestoreAtEveryCut.snapshotAfter(factory(WindowSpec.tumble(5_000, 0), 1),
                new OperatorScript().batch(INPUT, row(1, "a", 1)));
        assertEquals(ErrorCode.DATA_ERROR,
                RestoreAtEveryCut.restoreFails(factory(WindowSpec.session(10_000), 1), tumble, Long.MAX_VALUE).code());
        byte[] sessions = RestoreAtEveryCut.snapshotAfter(factory(WindowSpec.session(10_000), 1),
                new OperatorScript().batch(INPUT, row(1, "a", 1), row(30, "b", 2)).watermark(millis(12)));
        RestoreAtEveryCut.everyDamageFails(factory(WindowSpec.session(10_000), 1), sessions);
    }
}
