package io.sluice.bench.nexmark;

import io.sluice.runtime.changelog.RowKind;
import java.math.BigDecimal;
import io.sluice.engine.result.ChangelogRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The final result of a query, built from its changelog as a multiset of rows: {@code +I} and
 * {@code +U} add a row, {@code -U} and {@code -D} take one equal row out. An append-only result
 * only adds. Decimals are kept in their shortest form, so that a retraction matches the row it
 * retracts whatever scale the engine gave each.
 */
final class FinalResult {
    private final ChangelogRows rows = new ChangelogRows();

    /**
     * Applies one change.
     *
     * @throws IllegalStateException if it takes out a row that is not in the result: the engine's
     *                               changelog is wrong
     */
    void apply(RowKind kind, List<Object> row) {
        List<Object> values = new ArrayList<>(row.size());
        for (Object value : row) {
            values.add(value instanceof BigDecimal decimal ? decimal.stripTrailingZeros() : value);
        }
        if (!rows.apply(kind, values.toArray())) {
            throw new IllegalStateException("the changelog takes out a row that is not in the result: "
                    + kind.shortString() + " " + values);
        }
    }

    /** The rows of the result, each as many times as it is in it, in no particular order. */
    List<List<Object>> rows() {
        return rows.rows().stream().map(Arrays::asList).toList();
    }
}
