package io.sluice.runtime.join;

/**
 * The pairs a join found, by row: a left row and a right row, or a left row alone (-1 on the
 * right) for a LEFT join. Holds up to one batch of them.
 */
final class Pairs {
    private final int[] left;
    private final int[] right;
    private int size;

    Pairs(int capacity) {
        left = new int[capacity];
        right = new int[capacity];
    }

    /** Adds a pair; returns true when the pairs fill a batch and should be emitted. */
    boolean add(int leftRow, int rightRow) {
        left[size] = leftRow;
        right[size] = rightRow;
        size++;
        return size == left.length;
    }

    int size() {
        return size;
    }

    int[] left() {
        return left;
    }

    int[] right() {
        return right;
    }

    /** Whether the pairs have right rows: a batch holds either matches or lone left rows, not both. */
    boolean hasRight() {
        return size > 0 && right[0] >= 0;
    }

    void clear() {
        size = 0;
    }
}
