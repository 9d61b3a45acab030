package io.sluice.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.bench.counting.RowCount;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultTableTest {
    @TempDir
    Path directory;

    private final ResultTable table = new ResultTable();

    ResultTableTest() {
        // Sluice, q0: 0.5 CPU s fixed, then 10 M events per CPU s: 2.5 CPU s over 20 M events, 4.5 over 40 M.
        // Flink, q0: 4 CPU s fixed, then 2.5 M events per CPU s: 12 and 20 CPU s.
        table.add(measured("q0", "sluice", 2.0, 2.5, 3.5, 4.5, 18_400_000));
        table.add(measured("q0", "flink", 10.0, 12.0, 18.0, 20.0, 18_400_000));
        table.add(new RunOutcome.Unsupported("q3", "sluice", "joins are not supported yet"));
        table.add(measured("q3", "flink", 4.0, 8.0, 7.0, 14.0, 1_000));
        // q4, an updating result of 5 rows: Flink's sink got one row fewer over 40 M events
        table.add(new RunOutcome.Measured(
                new Measurement("q4", "sluice", 1, 20_000_000, 1.0, 1.0, new RowCount(5, 0)),
                new Measurement("q4", "sluice", 1, 40_000_000, 2.0, 2.0, new RowCount(10, 5))));
        table.add(new RunOutcome.Measured(
                new Measurement("q4", "flink", 1, 20_000_000, 3.0, 3.0, new RowCount(5, 0)),
                new Measurement("q4", "flink", 1, 40_000_000, 6.0, 6.0, new RowCount(9, 5))));
    }

    @Test
    void theRatiosAreOfEventsPerSecondPerCoreInWholeRunsAndAtTheMarginalCost() {
        assertEquals(12.0 / 2.5, table.wholeRatio("q0", 20_000_000).orElseThrow(), 1e-9);
        assertEquals(20.0 / 4.5, table.wholeRatio("q0", 40_000_000).orElseThrow(), 1e-9);
        assertEquals(4.0, table.marginalRatio("q0").orElseThrow(), 1e-9);
        assertEquals(Optional.empty(), table.wholeRatio("q3", 20_000_000));
        assertEquals(Optional.empty(), table.marginalRatio("q3"));
    }

    @Test
    void aQueryWhoseSinksGotDifferentRowsIsInvalid() {
        assertEquals(List.of(), table.rowMismatches("q0"));
        assertEquals(List.of("over 40,000,000 events Sluice's sink got a final result of 5 rows, Flink's 4"),
                table.rowMismatches("q4"));
        assertEquals(List.of("q4"), table.invalidQueries());
        table.add(new RunOutcome.Failed("q5", "flink", "exit status 1", "q5-flink.log"));
        assertEquals(List.of("q4", "q5"), table.invalidQueries());
    }

    @Test
    void theCsvHasEachMeasuredRunAndTheMarginalCost() throws Exception {
        Path file = directory.resolve("results.csv");
        table.writeCsv(file);
        List<String> lines = Files.readAllLines(file);
        assertEquals(ResultTable.CSV_HEADER, lines.get(0));
        assertEquals(List.of(
                "q0,sluice,1,whole,20000000,2.000,2.500,125.000,10000000,8000000,18400000,18400000",
                "q0,sluice,1,whole,40000000,3.500,4.500,112.500,11428571,8888889,36800000,36800000",
                "q0,sluice,1,marginal,20000000,1.500,2.000,100.000,13333333,10000000,,"), lines.subList(1, 4));
        assertEquals(1 + 5 * 3, lines.size());
    }

    @Test
    void theTableShowsTheRatiosOnSluicesRowsTheRowCheckAndWhyARunIsMissing() {
        StringWriter text = new StringWriter();
        table.print(new PrintWriter(text));
        List<String> lines = text.toString().lines().toList();
        assertTrue(lines.get(1).startsWith("q0     sluice    whole") && lines.get(1).endsWith("4.80x"), lines.get(1));
        assertTrue(lines.get(3).startsWith("q0     sluice    marginal") && lines.get(3).endsWith("4.00x"),
                lines.get(3));
        assertTrue(lines.get(3).contains("10,000,000"), lines.get(3));
        assertEquals("q0     rows: both engines' sinks got final results of 18,400,000 and 36,800,000 rows",
                lines.get(7));
        assertEquals("q3     sluice    unsupported on sluice: joins are not supported yet", lines.get(8));
        assertTrue(lines.contains("q4     INVALID: the engines' sinks got different rows: over 40,000,000 events "
                + "Sluice's sink got a final result of 5 rows, Flink's 4"), String.join("\n", lines));
        int ratios = lines.indexOf("Sluice's events/s per core over Flink's, in whole runs of N and 2N events and in "
                + "the marginal cost:");
        assertEquals("q0          4.80x      4.44x      4.00x", lines.get(ratios + 2));
        assertEquals("q4          3.00x      3.00x      3.00x", lines.get(ratios + 3));
    }

    @Test
    void aMarginalRatioOnLessCpuTimeThanTheClockTellsPreciselyIsMarkedRough() {
        ResultTable small = new ResultTable();
        // Sluice: 0.04 and 0.06 CPU s, a difference of two steps of the CPU clock
        small.add(measured("q2", "sluice", 0.04, 0.04, 0.06, 0.06, 14_391));
        small.add(measured("q2", "flink", 0.2, 0.24, 0.4, 0.44, 14_391));
        assertTrue(small.impreciseMarginal("q2"));
        assertFalse(table.impreciseMarginal("q0"));
        StringWriter text = new StringWriter();
        small.print(new PrintWriter(text));
        List<String> lines = text.toString().lines().toList();
        assertTrue(lines.get(3).endsWith("~10.00x"), lines.get(3));
        assertEquals("q2          6.00x      7.33x    ~10.00x", lines.get(lines.size() - 2));
        assertTrue(lines.get(lines.size() - 1).startsWith("~: a marginal cost of less than 0.5 CPU s"),
                lines.get(lines.size() - 1));
    }

    private static RunOutcome.Measured measured(String query, String engine, double seconds, double cpuSeconds,
                                                double doubledSeconds, double doubledCpuSeconds, long rows) {
        return new RunOutcome.Measured(
                new Measurement(query, engine, 1, 20_000_000, seconds, cpuSeconds, new RowCount(rows, 0)),
                new Measurement(query, engine, 1, 40_000_000, doubledSeconds, doubledCpuSeconds,
                        new RowCount(2 * rows, 0)));
    }
}
