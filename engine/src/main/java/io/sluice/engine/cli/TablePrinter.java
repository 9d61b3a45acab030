package io.sluice.engine.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;

/**
 * Rows as an aligned text table, one line per row, each printed as it comes:
 * <pre>
 * +-------+----------------------+
 * | name  |                price |
 * +-------+----------------------+
 * | apple |                   12 |
 * +-------+----------------------+
 * </pre>
 * Numbers align right, everything else left; NULL shows as {@code NULL}.
 */
final class TablePrinter implements RowPrinter {
    private static final char ELLIPSIS = '\u2026';

    private final PrintWriter out;
    private final TableLayout layout;
    private final String border;
    private final StringBuilder line = new StringBuilder();

    TablePrinter(PrintWriter out, TableLayout layout) {
        this.out = requireNonNull(out, "out is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.border = border(layout);
    }

    @Override
    public void begin() {
        out.println(border);
        line.setLength(0);
        line.append('|');
        for (int i = 0; i < layout.columnCount(); i++) {
            cell(i, layout.labels().get(i));
        }
        out.println(line);
        out.println(border);
    }

    @Override
    public void row(Object[] row) {
        line.setLength(0);
        line.append('|');
        for (int i = 0; i < row.length; i++) {
            cell(i, layout.cell(i, row[i]));
        }
        out.println(line);
    }

    @Override
    public void end() {
        out.println(border);
    }

    @Override
    public void flush() {
        out.flush();
    }

    private void cell(int column, String text) {
        int width = layout.width(column);
        if (text.length() > width && layout.shortens(column)) {
            text = text.substring(0, width - 1) + ELLIPSIS;
        }
        line.append(' ');
        if (layout.rightAligned(column)) {
            pad(width - text.length());
            line.append(text);
        } else {
            line.append(text);
            pad(width - text.length());
        }
        line.append(" |");
    }

    private void pad(int spaces) {
        for (int i = 0; i < spaces; i++) {
            line.append(' ');
        }
    }

    private static String border(TableLayout layout) {
        StringBuilder border = new StringBuilder("+");
        for (int i = 0; i < layout.columnCount(); i++) {
            border.append("-".repeat(layout.width(i) + 2)).append('+');
        }
        return border.toString();
    }
}
