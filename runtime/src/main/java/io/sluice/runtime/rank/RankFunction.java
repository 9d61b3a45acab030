package io.sluice.runtime.rank;

/** How a Top-N numbers the rows of a partition in its order. */
public enum RankFunction {
    /** 1, 2, 3, … whatever ties: {@code ROW_NUMBER()}. */
    ROW_NUMBER,
    /** Tied rows share a number and leave gaps after them: 1, 1, 3. {@code RANK()}. */
    RANK,
    /** Tied rows share a number, without gaps: 1, 1, 2. {@code DENSE_RANK()}. */
    DENSE_RANK
}
