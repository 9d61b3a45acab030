package io.sluice.engine.cli;

import io.sluice.engine.result.ResultColumn;
import java.io.PrintWriter;
import java.util.List;

/** How script mode prints rows ({@code --format}); the interactive shell always shows tables. */
public enum OutputFormat {
    /** An aligned text table. */
    TABLE,
    /** A header line, then one line of comma-separated values per row. */
    CSV,
    /** One JSON object per row, one per line. */
    JSON;

    /** A printer for a result whose rows arrive one by one; tables take widths from the types. */
    RowPrinter printer(PrintWriter out, List<ResultColumn> columns, int maxLineWidth) {
        return switch (this) {
            case TABLE -> new TablePrinter(out, TableLayout.forTypes(columns, maxLineWidth));
            case CSV -> new CsvPrinter(out, columns);
            case JSON -> new JsonPrinter(out, columns);
        };
    }
}
