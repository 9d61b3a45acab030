package io.sluice.planner.catalog;

import static java.util.Objects.requireNonNull;

/**
 * A table's event-time column and its watermark, from {@code WATERMARK FOR column AS column -
 * INTERVAL ...}.
 *
 * @param column      the rowtime column's name
 * @param index       its index among the table's columns
 * @param delayMillis how far the watermark trails the largest rowtime seen
 * @param expression  the watermark expression as declared, for DESCRIBE
 */
public record Rowtime(String column, int index, long delayMillis, String expression) {
    public Rowtime {
        requireNonNull(column, "column is null");
        requireNonNull(expression, "expression is null");
    }
}
