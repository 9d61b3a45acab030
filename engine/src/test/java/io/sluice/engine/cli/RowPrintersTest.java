package io.sluice.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.engine.result.ResultColumn;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The output formats on values the script tests do not reach. */
class RowPrintersTest {
    private static String print(RowPrinter printer, StringWriter text, Object[]... rows) {
        printer.begin();
        for (Object[] row : rows) {
            printer.row(row);
        }
        printer.end();
        printer.flush();
        return text.toString();
    }

    @Test
    void liveTableShortensLongTextAndFitsTheLine() {
        List<ResultColumn> columns = List.of(ResultColumn.varchar("s"), ResultColumn.bigint("n"));
        StringWriter text = new StringWriter();
        // 30 + 20 + 7 = 57 characters by type; fitted to 40, the text column keeps 13.
        RowPrinter printer = new TablePrinter(new PrintWriter(text), TableLayout.forTypes(columns, 40));

        String shown = print(printer, text, new Object[] {"abcdefghijklmnopqrstuvwxyz", 7L}, new Object[] {null, null});

        assertEquals("""
                +---------------+----------------------+
                | s             |                    n |
                +---------------+----------------------+
                | abcdefghijkl\u2026 |                    7 |
                | NULL          |                 NULL |
                +---------------+----------------------+
                """, shown);
    }

    @Test
    void valuesShowInFlinkNotation() {
        ResultColumn any = ResultColumn.varchar("v");
        assertEquals("+0 00:00:04.000", ValueText.format(Duration.ofSeconds(4), any));
        assertEquals("-1 01:01:01.001", ValueText.format(Duration.ofMillis(-90_061_001), any));
        assertEquals("+1-02", ValueText.format(Period.ofMonths(14), any));
        assertEquals("-0-03", ValueText.format(Period.ofMonths(-3), any));
        assertEquals("2026-03-09", ValueText.format(LocalDate.of(2026, 3, 9), any));
        assertEquals("1200", ValueText.format(new BigDecimal("1.2E+3"), any));
    }

    @Test
    void timesAndTimestampsShowTheirColumnsPrecision() {
        LocalDateTime timestamp = LocalDateTime.of(2024, 1, 1, 0, 0, 0, 120_000_000);
        assertEquals("2024-01-01 00:00:00", ValueText.format(timestamp, column("TIMESTAMP", Types.TIMESTAMP, 0)));
        assertEquals("2024-01-01 00:00:00.1", ValueText.format(timestamp, column("TIMESTAMP", Types.TIMESTAMP, 1)));
        assertEquals("2024-01-01 00:00:00.120", ValueText.format(timestamp, column("TIMESTAMP", Types.TIMESTAMP, 3)));
        assertEquals("2024-01-01 00:00:00.120000", ValueText.format(timestamp, column("TIMESTAMP", Types.TIMESTAMP, 6)));
        LocalTime time = LocalTime.of(12, 34, 56, 7_000_000);
        assertEquals("12:34:56", ValueText.format(time, column("TIME", Types.TIME, 0)));
        assertEquals("12:34:56.007", ValueText.format(time, column("TIME", Types.TIME, 3)));
    }

    @Test
    void tableWidthsFollowThePrecision() {
        List<ResultColumn> columns = List.of(column("TIME", Types.TIME, 0), column("TIMESTAMP", Types.TIMESTAMP, 0));
        StringWriter text = new StringWriter();
        RowPrinter printer = new TablePrinter(new PrintWriter(text), TableLayout.forTypes(columns, 0));

        String shown = print(printer, text, new Object[] {LocalTime.of(12, 34, 56), LocalDateTime.of(2024, 1, 1, 0, 0)});

        assertEquals("""
                +----------+---------------------+
                | v        | v                   |
                +----------+---------------------+
                | 12:34:56 | 2024-01-01 00:00:00 |
                +----------+---------------------+
                """, shown);
    }

    private static ResultColumn column(String type, int jdbcType, int precision) {
        return new ResultColumn("v", type + "(" + precision + ")", jdbcType, precision, 0, true);
    }

    @Test
    void csvQuotesLineBreaks() {
        List<ResultColumn> columns = List.of(ResultColumn.varchar("a,b"), ResultColumn.varchar("c"));
        StringWriter text = new StringWriter();

        String shown = print(new CsvPrinter(new PrintWriter(text), columns), text, new Object[] {"one\ntwo", "x"});

        assertEquals("\"a,b\",c\n\"one\ntwo\",x\n", shown);
    }

    @Test
    void jsonKeepsNumbersAndWritesOtherValuesAsText() {
        List<ResultColumn> columns = List.of(ResultColumn.bigint("n"),
                new ResultColumn("d", "DOUBLE", Types.DOUBLE, 0, 0, true),
                new ResultColumn("i", "INTERVAL SECOND", Types.OTHER, 0, 0, true));
        StringWriter text = new StringWriter();

        String shown = print(new JsonPrinter(new PrintWriter(text), columns), text,
                new Object[] {-3L, 0.5, Duration.ofSeconds(4)}, new Object[] {null, null, null});

        assertEquals("{\"n\":-3,\"d\":0.5,\"i\":\"+0 00:00:04.000\"}\n{\"n\":null,\"d\":null,\"i\":null}\n", shown);
    }
}
