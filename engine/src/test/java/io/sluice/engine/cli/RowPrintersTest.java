package io.sluice.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.engine.result.ResultColumn;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
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
        assertEquals("+0 00:00:04.000", ValueText.format(Duration.ofSeconds(4)));
        assertEquals("-1 01:01:01.001", ValueText.format(Duration.ofMillis(-90_061_001)));
        assertEquals("+1-02", ValueText.format(Period.ofMonths(14)));
        assertEquals("-0-03", ValueText.format(Period.ofMonths(-3)));
        assertEquals("2026-03-09", ValueText.format(LocalDate.of(2026, 3, 9)));
        assertEquals("1200", ValueText.format(new BigDecimal("1.2E+3")));
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
