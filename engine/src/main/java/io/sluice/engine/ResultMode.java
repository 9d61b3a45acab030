package io.sluice.engine;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.Locale;

/**
 * How the interactive shell shows a query's rows: Flink SQL client's
 * {@code 'sql-client.execution.result-mode'}. {@code tableau} (Sluice's default) prints rows as
 * they arrive; {@code changelog} prints every change with its {@code op} column, even for a result
 * that only appends; {@code table} shows an updating result as a table kept current in place.
 * Scripts always print rows as they arrive, with the {@code op} column of an updating result.
 */
public enum ResultMode {
    TABLE,
    CHANGELOG,
    TABLEAU;

    public static final String OPTION = "sql-client.execution.result-mode";

    static ResultMode parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SluiceException(ErrorCode.INVALID_OPTION, "'" + OPTION + "' must be 'table', 'changelog' or "
                    + "'tableau', not '" + value + "'");
        }
    }
}
