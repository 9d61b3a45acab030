package io.sluice.engine.result;

import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.error.SluiceException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a changelog leaves: each {@code +I} or {@code +U} adds its row, each {@code -U} or
 * {@code -D} takes one equal row away. Rows keep the order in which they first came, so that a
 * result over one task reads as it was made.
 */
public final class ChangelogRows {
    private final Map<List<Object>, Integer> counts = new LinkedHashMap<>();

    /**
     * Applies one change; returns false, changing nothing, if it takes out a row that is not there
     * (the changelog is wrong).
     */
    public boolean apply(RowKind kind, Object[] row) {
        List<Object> key = Arrays.asList(row.clone());
        if (kind.adds()) {
            counts.merge(key, 1, Integer::sum);
            return true;
        }
        Integer count = counts.get(key);
        if (count == null) {
            return false;
        }
        if (count == 1) {
            counts.remove(key);
        } else {
            counts.put(key, count - 1);
        }
        return true;
    }

    /** Applies a row of an updating result: its first value is its kind ({@code op}), the rest the row. */
    public void applyResultRow(Object[] change) {
        Object[] row = Arrays.copyOfRange(change, 1, change.length);
        if (!apply(RowKind.ofShortString((String) change[0]), row)) {
            throw SluiceException.internal("a changelog retracts a row it never added: " + Arrays.asList(row), null);
        }
    }

    /** The rows as they stand, each as often as it is there. */
    public List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        counts.forEach((row, count) -> {
            for (int i = 0; i < count; i++) {
                rows.add(row.toArray());
            }
        });
        return rows;
    }

    public int size() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
