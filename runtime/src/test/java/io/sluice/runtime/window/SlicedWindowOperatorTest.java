package io.sluice.runtime.window;

import static io.sluice.runtime.window.WindowHarness.at;
import static io.sluice.runtime.window.WindowHarness.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlicedWindowOperatorTest {
    @Test
    void aTumbleWindowFiresAtItsLastMillisecondAndLaterRowsAreLate() {
        try (WindowHarness harness = new WindowHarness(WindowSpec.tumble(5_000, 0), true)) {
            harness.batch(row(1, "a", 1), row(2, "b", 2), row(4.999, "a", 4)).watermark(4.998);
            assertEquals(List.of("watermark " + at(4.998)), harness.output());

            // [00:00, 00:05) ends with 00:04.999: a 1 + 4, b 2.
            harness.watermark(4.999);
            assertEquals(List.of(at(0) + "|" + at(5) + "|a|2|5", at(0) + "|" + at(5) + "|b|1|2",
                    "watermark " + at(4.999)), harness.output());

            harness.batch(row(3, "a", 8), row(6, "a", 16)).end();
            assertEquals(List.of(at(5) + "|" + at(10) + "|a|1|16", "watermark end", "end"), harness.output());
            assertEquals(1, harness.metrics().lateRecords());
        }
    }

    @Test
    void hopWindowsTheWatermarkPassedEmptyDoNotComeBack() {
        try (WindowHarness harness = new WindowHarness(WindowSpec.hop(5_000, 10_000, 0), false)) {
            // [-5, 5) and [0, 10) fire empty. 00:07 is in [0, 10), fired, and [5, 15): it joins [5, 15) only;
            // 00:03 is in [-5, 5) and [0, 10): late.
            harness.watermark(12).batch(row(7, "a", 2), row(3, "a", 4), row(13, "a", 8)).end();
            assertEquals(List.of("watermark " + at(12), at(5) + "|" + at(15) + "|2|10", at(10) + "|" + at(20) + "|1|8",
                    "watermark end", "end"), harness.output());
            assertEquals(1, harness.metrics().lateRecords());
        }
    }

    @Test
    void aRowJoinsOnlyTheCumulateWindowsStillOpen() {
        try (WindowHarness harness = new WindowHarness(WindowSpec.cumulate(5_000, 15_000, 0), false)) {
            harness.batch(row(1, "a", 1)).watermark(6);
            assertEquals(List.of(at(0) + "|" + at(5) + "|1|1", "watermark " + at(6)), harness.output());

            // 00:02 is in [0, 5), fired, and in [0, 10) and [0, 15).
            harness.batch(row(2, "a", 2)).watermark(11);
            assertEquals(List.of(at(0) + "|" + at(10) + "|2|3", "watermark " + at(11)), harness.output());

            harness.batch(row(4, "a", 4)).watermark(16).batch(row(3, "a", 8));
            assertEquals(List.of(at(0) + "|" + at(15) + "|3|7", "watermark " + at(16)), harness.output());
            assertEquals(1, harness.metrics().lateRecords());
        }
    }

    @Test
    void rowsWithoutATimeAreMalformed() {
        try (WindowHarness harness = new WindowHarness(WindowSpec.tumble(5_000, 0), true)) {
            harness.batch(row(null, "a", 1), row(1, "a", 2)).end();
            assertEquals(List.of(at(0) + "|" + at(5) + "|a|1|2", "watermark end", "end"), harness.output());
            assertEquals(1, harness.metrics().malformedRecords());
        }
    }

    @Test
    void anAggregationWithoutKeysOfNoRowsHasOneRow() {
        try (WindowHarness harness = new WindowHarness(WindowSpec.global(), false)) {
            harness.end();
            assertEquals(List.of("0|0", "watermark end", "end"), harness.output());
        }
        try (WindowHarness harness = new WindowHarness(WindowSpec.global(), true)) {
            harness.end();
            assertEquals(List.of("watermark end", "end"), harness.output());
        }
    }

    @Test
    void aWindowWithMoreGroupsThanABatchHoldsIsWrittenAcrossBatches() {
        try (WindowHarness harness = new WindowHarness(WindowSpec.tumble(5_000, 0), true)) {
            // 2,500 keys: with batches of 1,024 rows, the window's results fill three batches.
            Object[][] rows = new Object[2_500][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = row(1, "k" + i, i);
            }
            harness.batch(rows).watermark(5);
            List<String> output = harness.output();
            assertEquals(2_501, output.size());
            for (int i = 0; i < rows.length; i++) {
                assertEquals(at(0) + "|" + at(5) + "|k" + i + "|1|" + i, output.get(i));
            }
            assertEquals("watermark " + at(5), output.get(2_500));
        }
    }
}
