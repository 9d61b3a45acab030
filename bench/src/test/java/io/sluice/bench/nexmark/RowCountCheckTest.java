package io.sluice.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.bench.counting.RowCount;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowCountCheckTest {
    @Test
    void finalResultsOfTheSameSizeAgreeWhateverTheChangelogsLength() {
        // Flink's mini-batches fold updates: fewer changes, the same 5 final rows
        RunOutcome.Measured sluice = measured("sluice", new RowCount(105, 100), new RowCount(205, 200));
        RunOutcome.Measured flink = measured("flink", new RowCount(45, 40), new RowCount(85, 80));
        assertEquals(List.of(), RowCountCheck.mismatches(sluice, flink));
    }

    @Test
    void aSinkThatGotFewerRowsIsReportedAtEachSize() {
        RunOutcome.Measured sluice = measured("sluice", new RowCount(1_000, 0), new RowCount(1_999, 0));
        RunOutcome.Measured flink = measured("flink", new RowCount(1_000, 0), new RowCount(2_000, 0));
        assertEquals(List.of("over 2,000 events Sluice's sink got a final result of 1,999 rows, Flink's 2,000"),
                RowCountCheck.mismatches(sluice, flink));
    }

    static RunOutcome.Measured measured(String engine, RowCount single, RowCount doubled) {
        return new RunOutcome.Measured(new Measurement("q4", engine, 1, 1_000, 1.0, 1.0, single),
                new Measurement("q4", engine, 1, 2_000, 2.0, 2.0, doubled));
    }
}
