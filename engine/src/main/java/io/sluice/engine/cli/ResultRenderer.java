package io.sluice.engine.cli;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.ResultMode;
import io.sluice.engine.StatementResult;
import io.sluice.engine.result.QuerySummary;
import io.sluice.engine.result.ResultColumn;
import io.sluice.engine.result.ResultCursor;
import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the rows of statement results in an output format. A query's rows are printed as they
 * arrive, batch by batch, so a continuous query shows live rows; rows the engine already knew
 * (SHOW, DESCRIBE, EXPLAIN) are printed as a table sized to fit them, and a single multi-line
 * value (EXPLAIN's plan) as its text. {@link #stop()} ends the printing of a continuous query.
 */
final class ResultRenderer {
    private static final int POLL_ROWS = 1024;
    private static final long POLL_MILLIS = 100;

    private final OutputFormat format;
    private final ResultMode mode;
    private final PrintWriter out;
    private final int maxLineWidth;
    private final int maxLines;
    private volatile boolean stopped;
    private volatile ResultCursor printing;
    private long rowsPrinted;

    /** Rows printed as they arrive, as scripts print them. */
    ResultRenderer(OutputFormat format, PrintWriter out, int maxLineWidth) {
        this(format, ResultMode.TABLEAU, out, maxLineWidth, 0);
    }

    /**
     * @param mode         how a query's rows are shown (see {@link ResultMode})
     * @param maxLineWidth the width live tables are fitted to by narrowing text columns; 0 for
     *                     no limit
     * @param maxLines     the terminal's height, which an updating table shown in place fits in
     */
    ResultRenderer(OutputFormat format, ResultMode mode, PrintWriter out, int maxLineWidth, int maxLines) {
        this.format = requireNonNull(format, "format is null");
        this.mode = requireNonNull(mode, "mode is null");
        this.out = requireNonNull(out, "out is null");
        this.maxLineWidth = maxLineWidth;
        this.maxLines = maxLines;
    }

    /**
     * Prints the rows until the result ends or {@link #stop()} is called. The caller closes the
     * cursor.
     *
     * @return true if the result ended, false if {@code stop()} ended it first
     * @throws SluiceException if the query fails or is cancelled other than by {@code stop()},
     *     after the rows it gave were printed
     */
    boolean print(StatementResult.Kind kind, ResultCursor cursor) throws InterruptedException {
        rowsPrinted = 0;
        printing = cursor;
        try {
            // stop() reads printing after setting stopped: one of the two sees the other.
            if (stopped) {
                cursor.cancel();
                return false;
            }
            if (format == OutputFormat.TABLE && kind == StatementResult.Kind.INFO) {
                printKnown(cursor);
            } else if (mode == ResultMode.TABLE && cursor.isChangelog()) {
                printInPlace(cursor);
            } else {
                printArriving(cursor, mode == ResultMode.CHANGELOG && kind == StatementResult.Kind.QUERY
                        && !cursor.isChangelog());
            }
            return !stopped;
        } catch (SluiceException e) {
            if (stopped && e.code() == ErrorCode.QUERY_CANCELLED) {
                return false;
            }
            throw e;
        } finally {
            printing = null;
        }
    }

    /**
     * Cancels the query being printed, which then prints no more rows, and any printed after:
     * what Ctrl-C does. May be called from any thread.
     */
    void stop() {
        stopped = true;
        ResultCursor cursor = printing;
        if (cursor != null) {
            cursor.cancel();
        }
    }

    /**
     * The summary line of the query just printed. Its rows are those printed, which after
     * {@link #stop()} can be fewer than the query had delivered.
     */
    String summary(ResultCursor cursor) {
        QuerySummary summary = cursor.summary();
        return new QuerySummary(rowsPrinted, summary.recordsRead(), summary.malformedRecords(), summary.lateRecords(),
                summary.firstMalformed()).describe();
    }

    /** @param addInsertKind show an {@code op} column of {@code +I}: the changelog mode's view of appended rows */
    private void printArriving(ResultCursor cursor, boolean addInsertKind) throws InterruptedException {
        List<ResultColumn> columns = cursor.columns();
        if (addInsertKind) {
            columns = new ArrayList<>(columns);
            columns.add(0, ResultColumn.rowKind());
        }
        RowPrinter printer = format.printer(out, columns, maxLineWidth);
        // The header waits for the first row or the end, so a query that fails first prints no empty table.
        boolean begun = false;
        try {
            List<Object[]> batch;
            while (!stopped && (batch = cursor.poll(POLL_ROWS, POLL_MILLIS)) != null) {
                if (!begun && !batch.isEmpty()) {
                    printer.begin();
                    begun = true;
                }
                for (int i = 0; i < batch.size() && !stopped; i++) {
                    printer.row(addInsertKind ? withInsertKind(batch.get(i)) : batch.get(i));
                    rowsPrinted++;
                }
                printer.flush();
            }
            if (!begun) {
                printer.begin();
                begun = true;
            }
        } finally {
            if (begun) {
                printer.end();
                printer.flush();
            }
        }
    }

    private static Object[] withInsertKind(Object[] row) {
        Object[] change = new Object[row.length + 1];
        change[0] = RowKind.INSERT.shortString();
        System.arraycopy(row, 0, change, 1, row.length);
        return change;
    }

    /** An updating result as a table kept current on the screen. */
    private void printInPlace(ResultCursor cursor) throws InterruptedException {
        LiveTable table = new LiveTable(out, cursor.columns(), maxLines);
        table.draw(true);
        try {
            List<Object[]> batch;
            while (!stopped && (batch = cursor.poll(POLL_ROWS, POLL_MILLIS)) != null) {
                batch.forEach(table::apply);
                table.draw(false);
            }
        } finally {
            table.draw(true);
            rowsPrinted = table.size();
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
        rowsPrinted = rows.size();
        printer.end();
        printer.flush();
    }
}
