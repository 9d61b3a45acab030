package io.sluice.runtime.window;

import static io.sluice.runtime.window.WindowHarness.at;
import static io.sluice.runtime.window.WindowHarness.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SessionWindowOperatorTest {
    @Test
    void touchingSessionsMergeAndALateRowMayJoinAnOpenOne() {
        try (WindowHarness harness = new WindowHarness(WindowSpec.session(10_000), true)) {
            // a: [10, 20) and [20, 30) touch; b: [10, 20) and [20.001, 30.001) do not.
            harness.batch(row(10, "a", 1), row(20, "a", 2), row(10, "b", 4), row(20.001, "b", 8)).watermark(25);
            assertEquals(List.of(at(10) + "|" + at(20) + "|b|1|4", "watermark " + at(25)), harness.output());

            // a at 00:12: its window [12, 22) has fired, but it reaches a's open session. b at 00:05: late.
            // NULL is a key of its own.
            harness.batch(row(12, "a", 16), row(5, "b", 32), row(40, null, 64)).end();
            assertEquals(List.of(at(10) + "|" + at(30) + "|a|3|19", at(20.001) + "|" + at(30.001) + "|b|1|8",
                    at(40) + "|" + at(50) + "|NULL|1|64", "watermark end", "end"), harness.output());
            assertEquals(1, harness.metrics().lateRecords());
        }
    }

    @Test
    void aRowBridgingTwoSessionsMergesThem() {
        try (WindowHarness harness = new WindowHarness(WindowSpec.session(5_000), false)) {
            harness.batch(row(0, "a", 1), row(8, "a", 2)).batch(row(4, "a", 4)).end();
            assertEquals(List.of(at(0) + "|" + at(13) + "|3|7", "watermark end", "end"), harness.output());
        }
    }

    @Test
    void keysWhoseSessionsFiredAreForgotten() {
        try (WindowHarness harness = new WindowHarness(WindowSpec.session(1_000), true)) {
            Object[][] rows = new Object[5_000][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = row(1, "key-" + i, i);
            }
            harness.batch(rows);
            // 5,000 keys and sessions: about 560 KB of estimated state, charged as 1 MiB.
            long held = harness.allocated();
            assertTrue(held >= 1 << 20, "held " + held);

            // Every session fires; the keys go with them, and the charge shrinks to the accumulators' slots.
            harness.watermark(10).batch(row(11, "key-0", 1));
            assertEquals(5_001, harness.output().size());
            assertTrue(harness.allocated() < 512 << 10, "held " + harness.allocated());
        }
    }
}
