package io.sluice.planner.catalog;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.rex.RexNode;

/**
 * A computed column of a table ({@code name AS expression}): not read from records, but computed
 * from the table's other columns when rows are read, and never written.
 *
 * @param name       the column's name
 * @param index      its index among the table's columns
 * @param expression its value, over the table's stored columns (the physical and metadata ones,
 *                   in declaration order)
 * @param text       the expression as written, for DESCRIBE
 */
public record ComputedColumn(String name, int index, RexNode expression, String text) {
    public ComputedColumn {
        requireNonNull(name, "name is null");
        requireNonNull(expression, "expression is null");
        requireNonNull(text, "text is null");
    }
}
