package io.sluice.runtime.function;

/**
 * An integer compared with a floating-point number by their exact values. Java's {@code long ==
 * double} rounds the long to a double first, so 9007199254740993 would equal 9007199254740992.0;
 * SQL (and Flink) compare the values themselves.
 */
public final class NumberComparison {
    /** 2^63, the first double above every long. */
    private static final double TWO_TO_63 = 0x1p63;

    private NumberComparison() {
    }

    /**
     * Negative, zero or positive as {@code a} is less than, equal to or greater than {@code b},
     * which must not be NaN.
     */
    public static int compare(long a, double b) {
        if (b >= TWO_TO_63) {
            return -1;
        }
        if (b < -TWO_TO_63) {
            return 1;
        }
        // In the range of a long, b's whole part is exact, and so is the rest (b is whole
        // wherever a double cannot hold a fraction).
        long whole = (long) b;
        if (a != whole) {
            return Long.compare(a, whole);
        }
        double fraction = b - (double) whole;
        return fraction < 0 ? 1 : fraction > 0 ? -1 : 0;
    }
}
