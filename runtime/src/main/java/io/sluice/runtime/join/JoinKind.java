package io.sluice.runtime.join;

/** Which rows a join keeps. */
public enum JoinKind {
    /** Pairs of rows whose keys are equal. */
    INNER,
    /** Those pairs, and each left row without a partner, with NULLs on the right. */
    LEFT,
    /** Those pairs, and each right row without a partner, with NULLs on the left. */
    RIGHT,
    /** Those pairs, and each row of either side without a partner, padded with NULLs. */
    FULL,
    /** Each left row that has at least one partner, once, with the left columns only. */
    SEMI,
    /** Each left row that has no partner, with the left columns only. */
    ANTI;

    /** Whether a row of the input ({@code 0} left, {@code 1} right) without a partner is still emitted, null-padded. */
    public boolean keepsUnmatched(int input) {
        return input == 0 ? this == LEFT || this == FULL : this == RIGHT || this == FULL;
    }

    /** Whether the output has the left columns only (a semi or anti join). */
    public boolean leftOnly() {
        return this == SEMI || this == ANTI;
    }
}
