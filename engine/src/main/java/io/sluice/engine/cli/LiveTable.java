package io.sluice.engine.cli;

import io.sluice.engine.result.ChangelogRows;
import io.sluice.engine.result.ResultColumn;
import java.io.PrintWriter;
import java.util.List;

/**
 * An updating result shown as a table kept current in place (the shell's {@code table} result
 * mode): changes are applied as they come, and the table is redrawn over the one before it,
 * by moving the cursor up and clearing the screen below, at most a few times a second. A table
 * taller than the terminal shows its first rows and says how many more there are.
 */
final class LiveTable {
    private static final long REDRAW_MILLIS = 200;
    private static final String CURSOR_UP = "\u001b[%dA";
    private static final String CLEAR_BELOW = "\r\u001b[J";

    private final PrintWriter out;
    private final List<ResultColumn> columns;
    private final int maxRows;
    private final ChangelogRows rows = new ChangelogRows();
    private int linesShown;
    private long lastDraw;
    private boolean changed;

    /**
     * @param changelogColumns the result's columns, the row kind first
     * @param maxLines         the terminal's height; the table and its notes fit in it
     */
    LiveTable(PrintWriter out, List<ResultColumn> changelogColumns, int maxLines) {
        this.out = out;
        this.columns = changelogColumns.subList(1, changelogColumns.size());
        this.maxRows = Math.max(1, maxLines - 6);
    }

    /** Applies a change: the row kind first, then the row. */
    void apply(Object[] change) {
        rows.applyResultRow(change);
        changed = true;
    }

    /** Redraws the table if it changed and the last drawing is not too recent (or {@code force}). */
    void draw(boolean force) {
        long now = System.currentTimeMillis();
        if (!changed && linesShown > 0 || !force && now - lastDraw < REDRAW_MILLIS) {
            return;
        }
        if (linesShown > 0) {
            out.print(String.format(CURSOR_UP, linesShown) + CLEAR_BELOW);
        }
        List<Object[]> current = rows.rows();
        List<Object[]> shown = current.subList(0, Math.min(current.size(), maxRows));
        TablePrinter printer = new TablePrinter(out, TableLayout.forValues(columns, shown));
        printer.begin();
        shown.forEach(printer::row);
        printer.end();
        linesShown = shown.size() + 4;
        if (current.size() > shown.size()) {
            out.println("\u2026 and " + (current.size() - shown.size()) + " more rows");
            linesShown++;
        }
        out.flush();
        lastDraw = now;
        changed = false;
    }

    /** The rows the table shows now. */
    int size() {
        return rows.size();
    }
}
