package io.sluice.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.engine.result.ResultColumn;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveTableTest {
    private static final List<ResultColumn> COLUMNS = List.of(ResultColumn.rowKind(), ResultColumn.varchar("k"),
            ResultColumn.bigint("n"));

    @Test
    void eachDrawingReplacesTheOneBefore() {
        StringWriter text = new StringWriter();
        LiveTable table = new LiveTable(new PrintWriter(text), COLUMNS, 40);
        table.apply(new Object[] {"+I", "a", 1L});
        table.apply(new Object[] {"+I", "b", 7L});
        table.draw(true);
        String first = text.toString();
        assertTrue(first.contains("| a | 1 |"), first);
        // border, header, border, two rows, border
        assertEquals(6, first.lines().count());

        table.apply(new Object[] {"-U", "a", 1L});
        table.apply(new Object[] {"+U", "a", 2L});
        table.apply(new Object[] {"-D", "b", 7L});
        table.draw(true);
        String second = text.toString().substring(first.length());
        assertTrue(second.startsWith("\u001b[6A\r\u001b[J"), second);
        assertTrue(second.contains("| a | 2 |"), second);
        assertFalse(second.contains("| b |"), second);
        assertEquals(1, table.size());
    }

    @Test
    void aTableTallerThanTheTerminalSaysHowManyRowsItLeftOut() {
        StringWriter text = new StringWriter();
        LiveTable table = new LiveTable(new PrintWriter(text), COLUMNS, 8);
        for (long i = 0; i < 5; i++) {
            table.apply(new Object[] {"+I", "k" + i, i});
        }
        table.draw(true);
        assertTrue(text.toString().contains("\u2026 and 3 more rows"), text.toString());
    }
}
