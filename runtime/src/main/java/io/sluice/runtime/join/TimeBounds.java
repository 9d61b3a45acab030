package io.sluice.runtime.join;

/**
 * How far apart in event time the rows an interval join pairs may be: a left row and a right row
 * match only if {@code lower <= leftTime - rightTime <= upper}, where a row's time is the value of
 * its time column less that column's offset from the input's rowtime (a column may hold the
 * rowtime shifted by an interval, such as {@code ts - INTERVAL '10' SECOND}). A NULL time matches
 * nothing.
 *
 * @param leftColumn  the left input's time column
 * @param leftOffset  what the left time column adds to the left rowtime, in milliseconds
 * @param rightColumn the right input's time column
 * @param rightOffset what the right time column adds to the right rowtime
 * @param lower       the least {@code leftTime - rightTime}, inclusive, in milliseconds
 * @param upper       the greatest, inclusive
 */
public record TimeBounds(int leftColumn, long leftOffset, int rightColumn, long rightOffset, long lower, long upper) {
    public TimeBounds {
        if (lower > upper) {
            throw new IllegalArgumentException("empty time bounds [" + lower + ", " + upper + "]");
        }
    }

    /** The time column of input {@code input} (0 left, 1 right). */
    int column(int input) {
        return input == 0 ? leftColumn : rightColumn;
    }

    long offset(int input) {
        return input == 0 ? leftOffset : rightOffset;
    }

    /**
     * The watermark at and after which a row of input {@code input} at {@code time} can match no
     * row still to come: the other input's rows to come are later than the watermark.
     */
    long expiry(int input, long time) {
        return input == 0 ? time - lower : time + upper;
    }

    /** Whether a left row at {@code leftTime} and a right row at {@code rightTime} match. */
    boolean matches(long leftTime, long rightTime) {
        long distance = leftTime - rightTime;
        return distance >= lower && distance <= upper;
    }

    /**
     * How far the join's output trails its input's watermark: a row kept until its bound passes
     * meets, or is emitted padded, as late as this behind the watermark (Flink's delay).
     */
    public long outputDelay() {
        return Math.max(0, Math.max(-lower, upper));
    }
}
