package io.sluice.runtime.join;

/** Which rows a join keeps. */
public enum JoinKind {
    /** Pairs of rows whose keys are equal. */
    INNER,
    /** Those pairs, and each left row without a partner, with NULLs on the right. */
    LEFT
}
