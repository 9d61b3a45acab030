package io.sluice.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice -f} and {@code -e}, run in-process: what goes to stdout and stderr, and the exit status. */
class ScriptModeTest {
    /** Quotes, a comma, an empty price (NULL) and an empty item (the empty string), and a bad price. */
    private static final String ORDERS = """
            1,apple,0.50,2026-01-01 00:00:01
            2,"pear, green",1.25,2026-01-01 00:00:02
            3,"say \"\"hi\"\"",,2026-01-01 00:00:03
            4,,2.00,2026-01-01 00:00:04
            5,plum,abc,2026-01-01 00:00:05
            """;

    @TempDir
    Path dir;
    private Path orders;
    private String createOrders;

    @BeforeEach
    void writeOrders() throws IOException {
        orders = dir.resolve("orders.csv");
        Files.writeString(orders, ORDERS);
        createOrders = "CREATE STREAM orders (id INT, item VARCHAR, price DECIMAL(10, 2), ts TIMESTAMP(3), "
                + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) "
                + "WITH ('connector' = 'file', 'path' = '" + orders + "', 'format' = 'csv');";
    }

    private SluiceRun script(String format, String statements) throws IOException {
        Path file = dir.resolve("script.sql");
        Files.writeString(file, statements);
        return SluiceRun.of("--no-demo", "--format", format, "-f", file.toString());
    }

    @Test
    void csvQuotesWhereNeededAndLeavesNullEmpty() throws IOException {
        SluiceRun run = script("csv", "SET 'parallelism' = '1';\n" + createOrders + "\n"
                + "SELECT id, item, price * 2 AS doubled, ts FROM orders WHERE id > 1;\n");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("""
                id,item,doubled,ts
                2,"pear, green",2.50,2026-01-01 00:00:02.000
                3,"say \"\"hi\"\"",,2026-01-01 00:00:03.000
                4,"",4.00,2026-01-01 00:00:04.000
                """, run.out());
    }

    @Test
    void scriptOfInsertsEndsWhenItsJobsHaveWrittenEverything() throws IOException {
        Path out = dir.resolve("out");
        SluiceRun run = script("csv", createOrders + "\n"
                + "CREATE TABLE cheap (id INT, item VARCHAR) WITH ('connector' = 'file', 'path' = '" + out
                + "', 'format' = 'csv');\n"
                + "INSERT INTO cheap SELECT id, item FROM orders WHERE price < 1.5;\n");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out());
        List<String> written;
        try (var files = Files.list(out)) {
            written = files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .flatMap(f -> {
                        try {
                            return Files.readAllLines(f).stream();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .sorted().toList();
        }
        // Prices 0.50 and 1.25 are under 1.5; line 3 has no price (NULL) and line 5 is malformed.
        assertEquals(List.of("1,apple", "2,\"pear, green\""), written);
    }

    @Test
    void summaryCountsMalformedRecordsOnStderr() throws IOException {
        SluiceRun run = script("csv", createOrders + "\nSELECT id FROM orders WHERE id > 1;\n");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.err());
        String summary = lines.get(0);
        // Lines 1 to 4 are read, line 5's price is not a decimal: 3 of the 4 pass the filter.
        assertTrue(summary.startsWith("3 rows; 4 records read; 1 malformed record skipped (first: " + orders
                + " line 5: "), summary);
        assertTrue(summary.endsWith(": 5,plum,abc,2026-01-01 00:00:05)"), summary);
    }

    @Test
    void aQueryThatFailsStillReportsWhatItReadBeforeTheError() throws IOException {
        SluiceRun run = script("csv", "SET 'parallelism' = '1';\n" + createOrders + "\n"
                + "SELECT id, 12 / (id - 4) AS q FROM orders;\n");

        assertEquals(1, run.exitCode(), run.err());
        List<String> err = run.err().lines().toList();
        assertEquals(2, err.size(), run.err());
        // The four good lines are one batch: id 4 divides by zero before any row is printed.
        assertTrue(err.get(0).startsWith("0 rows; 4 records read; 1 malformed record skipped (first: " + orders
                + " line 5: "), run.err());
        assertTrue(err.get(1).startsWith("ERROR 22012: "), run.err());
    }

    @Test
    void aQueryThatFailsBeforeItsFirstRowPrintsNoEmptyTable() throws IOException {
        SluiceRun run = script("table", "SET 'parallelism' = '1';\n" + createOrders + "\n"
                + "SELECT id, 12 / (id - 4) AS q FROM orders;\n");

        assertEquals(1, run.exitCode(), run.err());
        assertFalse(run.out().contains("q |") || run.out().contains("+-"), run.out());
        assertTrue(run.err().lines().anyMatch(line -> line.startsWith("ERROR 22012: ")), run.err());
    }

    @Test
    void jsonWritesOneObjectPerLine() throws IOException {
        SluiceRun run = script("json", "SET 'parallelism' = '1';\n" + createOrders + "\n"
                + "SELECT id, item, price * 2 AS doubled, ts, id > 2 AS late FROM orders WHERE id > 1;\n");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("""
                {"id":2,"item":"pear, green","doubled":2.50,"ts":"2026-01-01 00:00:02.000","late":false}
                {"id":3,"item":"say \\"hi\\"","doubled":null,"ts":"2026-01-01 00:00:03.000","late":true}
                {"id":4,"item":"","doubled":4.00,"ts":"2026-01-01 00:00:04.000","late":true}
                """, run.out());
    }

    @Test
    void tableSizesQueryColumnsByTypeAndKnownRowsByValue() throws IOException {
        SluiceRun run = script("table", "SET 'parallelism' = '1';\n" + createOrders + "\n"
                + "SELECT id, item, ts FROM orders WHERE id > 1;\n"
                + "SHOW STREAMS;\n");

        assertEquals(0, run.exitCode(), run.err());
        // INT takes 11 characters (-2147483648), VARCHAR at most 30, TIMESTAMP(3) 23.
        assertEquals("""
                +-------------+--------------------------------+-------------------------+
                |          id | item                           | ts                      |
                +-------------+--------------------------------+-------------------------+
                |           2 | pear, green                    | 2026-01-01 00:00:02.000 |
                |           3 | say "hi"                       | 2026-01-01 00:00:03.000 |
                |           4 |                                | 2026-01-01 00:00:04.000 |
                +-------------+--------------------------------+-------------------------+
                +--------+
                | name   |
                +--------+
                | orders |
                +--------+
                """, run.out());
    }

    @Test
    void explainPrintsThePlanAsText() {
        SluiceRun run = SluiceRun.of("--no-demo", "-e", "EXPLAIN SELECT 1 AS n");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("== Logical plan ==\n"), run.out());
        assertTrue(!run.out().contains("+--"), run.out());
    }

    @Test
    void ddlAndSetPrintNothing() throws IOException {
        SluiceRun run = script("table", "SET 'parallelism' = '1';\n" + createOrders + "\nDROP STREAM orders;\n");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals("", run.err());
    }

    @Test
    void errorInThirdStatementStopsTheScriptWithItsPosition() throws IOException {
        SluiceRun run = script("csv", createOrders + "\n"
                + "SELECT id FROM orders WHERE id = 1;\n"
                + "  SELECT item, nope FROM orders;\n"
                + "SELECT 'never' AS s;\n");

        assertEquals(1, run.exitCode());
        assertEquals("id\n1\n", run.out());
        List<String> err = run.err().lines().toList();
        assertEquals(2, err.size(), run.err());
        assertTrue(err.get(0).startsWith("1 row; "), run.err());
        // Two spaces, then "SELECT item, " puts 'nope' at column 16 of line 3.
        assertTrue(err.get(1).startsWith("ERROR 42S22: line 3, column 16: "), run.err());
        assertTrue(err.get(1).contains("nope"), run.err());
    }

    @Test
    void syntaxErrorGivesItsPositionInTheScript() {
        SluiceRun run = SluiceRun.of("--no-demo", "-e", "SHOW STREAMS;\nSELECT 1 AS n FROM FROM;");

        assertEquals(1, run.exitCode());
        // The second FROM is at column 20 of line 2.
        assertTrue(run.err().startsWith("ERROR 42000: line 2, column 20: "), run.err());
    }

    @Test
    void executeRunsEachStatementInOrder() {
        SluiceRun run = SluiceRun.of("--no-demo", "--format", "csv", "-e", "SELECT 1 AS a; SELECT 'x' AS b");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("a\n1\nb\nx\n", run.out());
        List<String> summaries = run.err().lines().toList();
        assertEquals(2, summaries.size(), run.err());
        assertTrue(summaries.stream().allMatch(line -> line.startsWith("1 row; ")), run.err());
    }

    @Test
    void serverIsASubcommand() {
        SluiceRun run = SluiceRun.of("server", "--help");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("--port"), run.out());
    }

    @Test
    void missingScriptIsAnError() {
        SluiceRun run = SluiceRun.of("--no-demo", "-f", dir.resolve("missing.sql").toString());

        assertEquals(1, run.exitCode());
        assertEquals("ERROR 58030: cannot read script '" + dir.resolve("missing.sql") + "': no such file\n", run.err());
    }

    @Test
    void fileAndExecuteTogetherAreAUsageError() {
        SluiceRun run = SluiceRun.of("--no-demo", "-f", "a.sql", "-e", "SELECT 1");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("mutually exclusive"), run.err());
    }
}
