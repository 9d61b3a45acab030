package io.sluice.engine.cli;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.result.ResultColumn;
import java.io.PrintWriter;
import java.util.List;

/**
 * Rows as CSV: a header line of column labels, then one line per row. Fields holding a comma, a
 * quote or a line break are quoted as RFC 4180 says (a quote inside doubled); NULL is an empty
 * field and the empty string a quoted one ({@code ""}), so the two stay apart.
 */
final class CsvPrinter implements RowPrinter {
    private final PrintWriter out;
    private final List<ResultColumn> columns;
    private final StringBuilder line = new StringBuilder();

    CsvPrinter(PrintWriter out, List<ResultColumn> columns) {
        this.out = requireNonNull(out, "out is null");
        this.columns = List.copyOf(columns);
    }

    @Override
    public void begin() {
        line.setLength(0);
        for (int i = 0; i < columns.size(); i++) {
            separate(i);
            field(columns.get(i).name());
        }
        out.println(line);
    }

    @Override
    public void row(Object[] row) {
        line.setLength(0);
        for (int i = 0; i < row.length; i++) {
            separate(i);
            if (row[i] != null) {
                field(ValueText.format(row[i], columns.get(i)));
            }
        }
        out.println(line);
    }

    @Override
    public void end() {
    }

    @Override
    public void flush() {
        out.flush();
    }

    private void separate(int index) {
        if (index > 0) {
            line.append(',');
        }
    }

    private void field(String text) {
        if (!text.isEmpty() && !needsQuotes(text)) {
            line.append(text);
            return;
        }
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private static boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
