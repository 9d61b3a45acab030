package io.sluice.runtime.over;

/**
 * The frame of an OVER aggregation, which always ends at the current row: {@code ROWS BETWEEN n
 * PRECEDING AND CURRENT ROW} (the current row and the {@code n} before it), {@code RANGE BETWEEN
 * INTERVAL 'd' PRECEDING AND CURRENT ROW} (the rows whose time is at most {@code d} milliseconds
 * before the current row's, and its peers: the rows of the same time), or either from {@code
 * UNBOUNDED PRECEDING}.
 *
 * @param rows      true for ROWS, false for RANGE
 * @param preceding rows (ROWS) or milliseconds (RANGE) before the current row; {@link #UNBOUNDED}
 *                  for every row before
 */
public record OverFrame(boolean rows, long preceding) {
    public static final long UNBOUNDED = -1;

    public OverFrame {
        if (preceding < 0 && preceding != UNBOUNDED) {
            throw new IllegalArgumentException("a frame reaches back a non-negative distance: " + preceding);
        }
    }

    public boolean bounded() {
        return preceding != UNBOUNDED;
    }

    @Override
    public String toString() {
        return (rows ? "ROWS" : "RANGE") + " BETWEEN " + (bounded() ? preceding + (rows ? "" : " ms") : "UNBOUNDED")
                + " PRECEDING AND CURRENT ROW";
    }
}
