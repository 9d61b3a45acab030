package io.sluice.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        // Sluice: 20 M events in 2 s on 2.5 CPU s, 8 M/s per core; Flink: in 10 s on 10 CPU s, 2 M/s per core
        table.add(new RunOutcome.Measured(new Measurement("q0", "sluice", 1, 20_000_000, 2.0, 2.5)));
        table.add(new RunOutcome.Measured(new Measurement("q0", "flink", 1, 20_000_000, 10.0, 10.0)));
        table.add(new RunOutcome.Unsupported("q8", "sluice", "joins are not supported yet"));
        table.add(new RunOutcome.Measured(new Measurement("q8", "flink", 1, 20_000_000, 4.0, 8.0)));
    }

    @Test
    void theRatioIsOfEventsPerSecondPerCore() {
        assertEquals(4.0, table.ratio("q0").orElseThrow(), 1e-9);
        assertEquals(Optional.empty(), table.ratio("q8"));
    }

    @Test
    void theCsvHasTheMeasuredRunsOnly() throws Exception {
        Path file = directory.resolve("results.csv");
        table.writeCsv(file);
        assertEquals(List.of(
                "query,engine,parallelism,events,seconds,cpu_seconds,events_per_sec,events_per_sec_per_core",
                "q0,sluice,1,20000000,2.000,2.500,10000000,8000000",
                "q0,flink,1,20000000,10.000,10.000,2000000,2000000",
                "q8,flink,1,20000000,4.000,8.000,5000000,2500000"), Files.readAllLines(file));
    }

    @Test
    void theTableShowsTheRatioOnSluicesRowAndWhyARunIsMissing() {
        StringWriter text = new StringWriter();
        table.print(new PrintWriter(text));
        List<String> lines = text.toString().lines().toList();
        assertEquals(5, lines.size());
        assertTrue(lines.get(1).startsWith("q0     sluice") && lines.get(1).endsWith("4.00x"), lines.get(1));
        assertTrue(lines.get(1).contains("8,000,000"), lines.get(1));
        assertTrue(lines.get(3).contains("not supported: joins are not supported yet"), lines.get(3));
    }
}
