package io.sluice.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.bench.counting.RowCount;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckpointCostTableTest {
    private final CheckpointCostTable table = new CheckpointCostTable();
    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);

    @Test
    void theCostIsTheExtraCpuTimeInPerCentAndTheCheckpointsAreThoseOfTheRunWithThem() {
        // without: 2 and 4 CPU s over 10 M and 20 M events; with: 2.5 and 4.6 CPU s
        RunOutcome off = measured("q5", 2.0, 4.0, Optional.empty(), Optional.empty());
        RunOutcome on = measured("q5", 2.5, 4.6, Optional.of(new CheckpointSummary(3, 120, 81_527_298)),
                Optional.of(new CheckpointSummary(5, 1_443, 4_000)));
        table.print(out, "q5", "sluice", off, on);
        List<String> lines = text.toString().lines().toList();
        assertEquals(3, lines.size());
        // 10 M / 2 s = 5,000,000; 10 M / 2.5 s = 4,000,000; (2.5 - 2) / 2 = +25%
        assertEquals(List.of("q5", "sluice", "whole", "10,000,000", "5,000,000", "4,000,000", "+25.0%", "3", "120",
                "ms", "81", "MB"), words(lines.get(0)));
        // 20 M / 4.6 s = 4,347,826; (4.6 - 4) / 4 = +15%
        assertEquals(List.of("q5", "sluice", "whole", "20,000,000", "5,000,000", "4,347,826", "+15.0%", "5", "1443",
                "ms", "4000", "B"), words(lines.get(1)));
        // marginal: 10 M over 2 CPU s without, over 2.1 with: (2.1 - 2) / 2 = +5%
        assertEquals(List.of("q5", "sluice", "marginal", "10,000,000", "5,000,000", "4,761,905", "+5.0%"),
                words(lines.get(2)));
        assertFalse(table.invalid());
    }

    @Test
    void aFailedRunLeavesTheCostUntold() {
        table.print(out, "q8", "sluice", measured("q8", 2.0, 4.0, Optional.empty(), Optional.empty()),
                new RunOutcome.Failed("q8", "sluice", "exit status 1", "q8-sluice-checkpoints.log"));
        assertTrue(table.invalid());
        assertEquals(List.of("q8     sluice  FAILED (exit status 1): see q8-sluice-checkpoints.log"),
                text.toString().lines().toList());
    }

    private static RunOutcome measured(String query, double cpuSingle, double cpuDoubled, Optional<CheckpointSummary> single,
                                       Optional<CheckpointSummary> doubled) {
        return new RunOutcome.Measured(
                new Measurement(query, "sluice", 2, 10_000_000, cpuSingle, cpuSingle, new RowCount(5, 0), single),
                new Measurement(query, "sluice", 2, 20_000_000, cpuDoubled, cpuDoubled, new RowCount(5, 0), doubled));
    }

    private static List<String> words(String line) {
        return List.of(line.trim().split("\\s+"));
    }
}
