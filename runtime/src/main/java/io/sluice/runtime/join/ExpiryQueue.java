package io.sluice.runtime.join;

import java.util.Arrays;

/**
 * Kept rows by the event time at which they can no longer match: a binary min-heap of
 * {@code (time, row)} in two primitive arrays, so that a watermark finds the rows it expires
 * without looking at the others. Rows of one time come out in the order of their ids, so the order
 * does not depend on how the heap was built.
 */
final class ExpiryQueue {
    private long[] times = new long[16];
    private int[] rows = new int[16];
    private int size;

    void add(long time, int row) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            rows = Arrays.copyOf(rows, size * 2);
        }
        int at = size++;
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!before(time, row, times[parent], rows[parent])) {
                break;
            }
            times[at] = times[parent];
            rows[at] = rows[parent];
            at = parent;
        }
        times[at] = time;
        rows[at] = row;
    }

    private static boolean before(long time, int row, long otherTime, int otherRow) {
        return time < otherTime || time == otherTime && row < otherRow;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The earliest time; the queue must not be empty. */
    long firstTime() {
        return times[0];
    }

    /** Removes the row of the earliest time and returns it; the queue must not be empty. */
    int poll() {
        int first = rows[0];
        size--;
        long time = times[size];
        int row = rows[size];
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(times[child + 1], rows[child + 1], times[child], rows[child])) {
                child++;
            }
            if (!before(times[child], rows[child], time, row)) {
                break;
            }
            times[at] = times[child];
            rows[at] = rows[child];
            at = child;
        }
        times[at] = time;
        rows[at] = row;
        return first;
    }

    void clear() {
        size = 0;
    }

    long heapBytes() {
        return 12L * times.length;
    }
}
