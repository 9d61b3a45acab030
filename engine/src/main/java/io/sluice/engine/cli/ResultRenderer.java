package io.sluice.engine.cli;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.StatementResult;
import io.sluice.engine.result.ResultColumn;
import io.sluice.engine.result.ResultCursor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the rows of statement results in an output format. A query's rows are printed as they
 * arrive, batch by batch, so a continuous query shows live rows; rows the engine already knew
 * (SHOW, DESCRIBE, EXPLAIN) are printed as a table sized to fit them, and a single multi-line
 * value (EXPLAIN's plan) as its text.
 */
final class ResultRenderer {
    private static final int POLL_ROWS = 1024;
    private static final long POLL_MILLIS = 100;

    private final OutputFormat format;
    private final PrintWriter out;
    private final int maxLineWidth;

    /**
     * @param maxLineWidth the width live tables are fitted to by narrowing text columns; 0 for
     *                     no limit
     */
    ResultRenderer(OutputFormat format, PrintWriter out, int maxLineWidth) {
        this.format = requireNonNull(format, "format is null");
        this.out = requireNonNull(out, "out is null");
        this.maxLineWidth = maxLineWidth;
    }

    /**
     * Prints the rows until the result ends. The caller closes the cursor.
     *
     * @throws io.sluice.runtime.error.SluiceException if the query fails or is cancelled, after
     *     the rows it gave were printed
     */
    void print(StatementResult.Kind kind, ResultCursor cursor) throws InterruptedException {
        if (format == OutputFormat.TABLE && kind == StatementResult.Kind.INFO) {
            printKnown(cursor);
            return;
        }
        RowPrinter printer = format.printer(out, cursor.columns(), maxLineWidth);
        printer.begin();
        try {
            List<Object[]> batch;
            while ((batch = cursor.poll(POLL_ROWS, POLL_MILLIS)) != null) {
                for (Object[] row : batch) {
                    printer.row(row);
                }
                printer.flush();
            }
        } finally {
            printer.end();
            printer.flush();
        }
    }

    private void printKnown(ResultCursor cursor) throws InterruptedException {
        List<ResultColumn> columns = cursor.columns();
        List<Object[]> rows = new ArrayList<>();
        Object[] row;
        while ((row = cursor.next()) != null) {
            rows.add(row);
        }
        if (columns.size() == 1 && rows.size() == 1 && rows.get(0)[0] instanceof String text && text.contains("\n")) {
            out.println(text.stripTrailing());
            out.flush();
            return;
        }
        RowPrinter printer = new TablePrinter(out, TableLayout.forValues(columns, rows));
        printer.begin();
        rows.forEach(printer::row);
        printer.end();
        printer.flush();
    }
}
