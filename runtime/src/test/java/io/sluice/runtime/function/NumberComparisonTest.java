package io.sluice.runtime.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumberComparisonTest {
    @Test
    void comparesTheExactValues() {
        // 2^53 + 1 has no double: Java's long == double would call them equal.
        assertEquals(1, Integer.signum(NumberComparison.compare(9_007_199_254_740_993L, 9_007_199_254_740_992d)));
        assertEquals(0, NumberComparison.compare(9_007_199_254_740_992L, 9_007_199_254_740_992d));
        assertEquals(-1, Integer.signum(NumberComparison.compare(1, 1.5)));
        assertEquals(1, Integer.signum(NumberComparison.compare(2, 1.5)));
        assertEquals(1, Integer.signum(NumberComparison.compare(0, -0.5)));
        assertEquals(-1, Integer.signum(NumberComparison.compare(-1, -0.5)));
        assertEquals(0, NumberComparison.compare(0, -0.0));
    }

    @Test
    void comparesBeyondTheRangeOfALong() {
        assertEquals(-1, Integer.signum(NumberComparison.compare(Long.MAX_VALUE, 0x1p63)));
        assertEquals(-1, Integer.signum(NumberComparison.compare(Long.MAX_VALUE, Double.POSITIVE_INFINITY)));
        assertEquals(0, NumberComparison.compare(Long.MIN_VALUE, -0x1p63));
        assertEquals(1, Integer.signum(NumberComparison.compare(Long.MIN_VALUE, Math.nextDown(-0x1p63))));
        assertEquals(1, Integer.signum(NumberComparison.compare(Long.MIN_VALUE, Double.NEGATIVE_INFINITY)));
        // Long.MAX_VALUE (2^63 - 1) is just below the double 2^63, which is just above 2^63 - 1024.
        assertEquals(1, Integer.signum(NumberComparison.compare(Long.MAX_VALUE, Math.nextDown(0x1p63))));
    }
}
