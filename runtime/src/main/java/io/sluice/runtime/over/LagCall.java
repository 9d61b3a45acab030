package io.sluice.runtime.over;

/**
 * {@code LAG(value, offset, default)} of an OVER aggregation: the value of the row {@code offset}
 * rows before the current one in its partition's order, or the current row's {@code default}
 * when there is none.
 *
 * @param valueColumn   the input column read from the earlier row
 * @param offset        how many rows back, at least 0
 * @param defaultColumn the input column read from the current row when there is no earlier row,
 *                      of the value column's type; -1 for NULL
 */
public record LagCall(int valueColumn, int offset, int defaultColumn) {
    public LagCall {
        if (valueColumn < 0 || offset < 0) {
            throw new IllegalArgumentException("LAG reads a column at a non-negative offset");
        }
    }

    @Override
    public String toString() {
        return "LAG($" + valueColumn + ", " + offset + (defaultColumn < 0 ? "" : ", $" + defaultColumn) + ")";
    }
}
