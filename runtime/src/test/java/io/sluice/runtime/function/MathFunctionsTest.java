package io.sluice.runtime.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MathFunctionsTest {
    @Test
    void integersRoundToTensHundredsAndBeyond() {
        assertEquals(10, MathFunctions.round(14, -1));
        assertEquals(20, MathFunctions.round(15, -1));
        assertEquals(-20, MathFunctions.round(-15, -1));
        assertEquals(-10, MathFunctions.round(-14, -1));
        assertEquals(0, MathFunctions.round(4, -1));
        assertEquals(-10, MathFunctions.round(-5, -1));
        assertEquals(1200, MathFunctions.round(1234, -2));
        assertEquals(1300, MathFunctions.round(1250, -2));
        assertEquals(0, MathFunctions.round(499, -3));
        assertEquals(1000, MathFunctions.round(500, -3));
        assertEquals(1234, MathFunctions.round(1234, 0));
        assertEquals(1234, MathFunctions.round(1234, 2));
        assertEquals(0, MathFunctions.round(4_999_999_999_999_999_999L, -19));
        assertEquals(0, MathFunctions.round(Long.MAX_VALUE, -20));
        // 10^19 wraps to 10^19 - 2^64.
        assertEquals(-8_446_744_073_709_551_616L, MathFunctions.round(Long.MAX_VALUE, -19));
        assertEquals(8_446_744_073_709_551_616L, MathFunctions.round(Long.MIN_VALUE, -19));
        assertEquals(9_000_000_000_000_000_000L, MathFunctions.round(Long.MAX_VALUE, -18));
    }

    @Test
    void doublesRoundHalvesAwayFromZero() {
        assertEquals(3.0, MathFunctions.round(2.5, 0));
        assertEquals(-3.0, MathFunctions.round(-2.5, 0));
        assertEquals(2.0, MathFunctions.round(2.4999, 0));
        assertEquals(0.13, MathFunctions.round(0.125, 2));
        // 1.005 prints as 1.005 (its double is a little less); rounding takes the printed value.
        assertEquals(1.01, MathFunctions.round(1.005, 2));
        assertEquals(1200.0, MathFunctions.round(1234.5, -2));
        assertEquals(Double.NaN, MathFunctions.round(Double.NaN, 1));
        assertEquals(Double.NEGATIVE_INFINITY, MathFunctions.round(Double.NEGATIVE_INFINITY, 1));
    }
}
