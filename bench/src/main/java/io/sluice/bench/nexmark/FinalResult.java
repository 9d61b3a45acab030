package io.sluice.bench.nexmark;

import io.sluice.runtime.changelog.RowKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The final result of a query, built from its changelog as a multiset of rows: {@code +I} and
 * {@code +U} add a row, {@code -U} and {@code -D} take one equal row out. An append-only result
 * only adds. Decimals are kept in their shortest form, so that a retraction matches the row it
 * retracts whatever scale the engine gave each.
 */
final class FinalResult {
    private final Map<List<Object>, Integer> counts = new HashMap<>();

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
        if (kind.adds()) {
            counts.merge(values, 1, Integer::sum);
            return;
        }
        Integer count = counts.get(values);
        if (count == null) {
            throw new IllegalStateException("the changelog takes out a row that is not in the result: "
                    + kind.shortString() + " " + values);
        }
        if (count == 1) {
            counts.remove(values);
        } else {
            counts.put(values, count - 1);
        }
    }

    /** The rows of the result, each as many times as it is in it, in no particular order. */
    List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((row, count) -> rows.addAll(Collections.nCopies(count, row)));
        return rows;
    }
}
