package io.sluice.runtime.sort;

/**
 * One column of a sort order.
 *
 * @param column     the column's index in the rows sorted
 * @param descending true for {@code DESC}
 * @param nullsFirst true if NULL sorts before every value, whatever the direction
 */
public record SortField(int column, boolean descending, boolean nullsFirst) {
    public SortField {
        if (column < 0) {
            throw new IllegalArgumentException("column must not be negative: " + column);
        }
    }
}
