package io.sluice.runtime.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.runtime.error.SluiceException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalsTest {
    @Test
    void fitRoundsHalfUpToTheScaleAndChecksThePrecision() {
        assertEquals(new BigDecimal("1.24"), Decimals.fit(new BigDecimal("1.235"), 3, 2));
        assertEquals(new BigDecimal("-1.24"), Decimals.fit(new BigDecimal("-1.235"), 3, 2));
        assertEquals(new BigDecimal("9.99"), Decimals.fit(new BigDecimal("9.994"), 3, 2));
        assertEquals(new BigDecimal("1.200"), Decimals.fit(new BigDecimal("1.2"), 4, 3));
        // 9.995 rounds to 10.00, which needs 4 digits.
        assertEquals("22003", assertThrows(SluiceException.class,
                () -> Decimals.fit(new BigDecimal("9.995"), 3, 2)).sqlState());
    }

    @Test
    void productsOfUnscaledLongsRoundHalfUpToTheResultScale() {
        // 0.908 * 1000 at scale 3 + 0: 908000 at scale 3
        assertEquals(908_000, Decimals.multiply(908, 1000, 0, 22));
        // 1.25 * 0.3 = 0.375 at scale 3, to scale 2: 0.38, and -0.38 away from zero
        assertEquals(38, Decimals.multiply(125, 3, -1, 5));
        assertEquals(-38, Decimals.multiply(-125, 3, -1, 5));
        // 0.374 to scale 2 is 0.37; 0.0125 (scale 4) to scale 2 is 0.01
        assertEquals(37, Decimals.multiply(374, 1, -1, 5));
        assertEquals(-37, Decimals.multiply(-374, 1, -1, 5));
        assertEquals(1, Decimals.multiply(125, 1, -2, 5));
        // a product at a smaller scale than the result's is brought up exactly: 1.5 * 2 -> 3.000
        assertEquals(3_000, Decimals.multiply(15, 2, 2, 10));
    }

    @Test
    void unscaledResultsThatDoNotFitTakeTheBigDecimalWay() {
        assertEquals(Decimals.NO_LONG, Decimals.multiply(Long.MAX_VALUE, 2, 0, 38));
        assertEquals(Decimals.NO_LONG, Decimals.multiply(Long.MIN_VALUE, 1, 0, 38));
        assertEquals(Decimals.NO_LONG, Decimals.multiply(Decimals.NO_LONG, 0, 0, 38));
        assertEquals(Decimals.NO_LONG, Decimals.multiply(3_037_000_500L, 3_037_000_500L, 0, 38));
        assertEquals(9_223_372_030_926_249_001L, Decimals.multiply(3_037_000_499L, 3_037_000_499L, 0, 38));
        // 999 needs three digits: not a DECIMAL(2, s)
        assertEquals(Decimals.NO_LONG, Decimals.multiply(999, 1, 0, 2));
        assertEquals(-99, Decimals.multiply(-99, 1, 0, 2));
        // bringing 1 up by 19 places overflows; down by 19, the rounding is left to BigDecimal
        assertEquals(Decimals.NO_LONG, Decimals.multiply(1, 1, 19, 38));
        assertEquals(Decimals.NO_LONG, Decimals.multiply(1, 1, -19, 38));
        assertEquals(Decimals.NO_LONG, Decimals.add(Long.MAX_VALUE, 0, 1, 0, 0, 38));
        assertEquals(Decimals.NO_LONG, Decimals.add(Long.MIN_VALUE + 1, 0, -1, 0, 0, 38));
        assertEquals(Decimals.NO_LONG, Decimals.subtract(Long.MIN_VALUE + 1, 0, 2, 0, 0, 38));
        assertEquals(Decimals.NO_LONG, Decimals.subtract(0, 0, Long.MIN_VALUE, 0, 0, 38));
        assertEquals(Decimals.NO_LONG, Decimals.add(Long.MAX_VALUE / 10 + 1, 1, 0, 0, 0, 38));
    }

    @Test
    void sumsOfUnscaledLongsAlignScalesFirst() {
        // 12.35 + 1000 = 1012.35; 12.35 - 1000 = -987.65; -0.5 - 0.25 = -0.75
        assertEquals(101_235, Decimals.add(1235, 0, 1000, 2, 0, 22));
        assertEquals(-98_765, Decimals.subtract(1235, 0, 1000, 2, 0, 22));
        assertEquals(-75, Decimals.subtract(-5, 1, 25, 0, 0, 3));
        // Long.MAX_VALUE - 1 + 1 still fits
        assertEquals(Long.MAX_VALUE, Decimals.add(Long.MAX_VALUE - 1, 0, 1, 0, 0, 19));
        // 0.15 + 0.1 = 0.25, to scale 1: 0.3; -0.15 - 0.1 = -0.25, to scale 1: -0.3
        assertEquals(3, Decimals.add(15, 0, 1, 1, -1, 3));
        assertEquals(-3, Decimals.subtract(-15, 0, 1, 1, -1, 3));
    }

    @Test
    void divisionRoundsToTheScaleAndRejectsZero() {
        assertEquals(new BigDecimal("0.667"), Decimals.divide(new BigDecimal("2"), new BigDecimal("3"), 3));
        assertEquals(new BigDecimal("-0.667"), Decimals.divide(new BigDecimal("-2"), new BigDecimal("3"), 3));
        SluiceException e = assertThrows(SluiceException.class,
                () -> Decimals.divide(BigDecimal.ONE, new BigDecimal("0.00"), 2));
        assertEquals("22012", e.sqlState());
        assertEquals("22012", assertThrows(SluiceException.class,
                () -> Decimals.mod(BigDecimal.ONE, BigDecimal.ZERO)).sqlState());
    }

    @Test
    void modTakesTheSignOfTheDividend() {
        assertEquals(new BigDecimal("0.280"), Decimals.mod(new BigDecimal("12.34"), new BigDecimal("1.005")));
        assertEquals(new BigDecimal("-1.5"), Decimals.mod(new BigDecimal("-7.5"), new BigDecimal("2")));
    }

    @Test
    void toIntegersTruncatesTowardZero() {
        assertEquals(12, Decimals.toLong(new BigDecimal("12.99")));
        assertEquals(-12, Decimals.toLong(new BigDecimal("-12.99")));
        assertEquals(Long.MAX_VALUE, Decimals.toLong(new BigDecimal("9223372036854775807.9")));
        assertEquals("22003", assertThrows(SluiceException.class,
                () -> Decimals.toLong(new BigDecimal("9223372036854775808"))).sqlState());
        assertEquals("22003", assertThrows(SluiceException.class,
                () -> Decimals.toInt(new BigDecimal("2147483648"))).sqlState());
    }

    @Test
    void floorCeilAndRound() {
        assertEquals(new BigDecimal("-3"), Decimals.floor(new BigDecimal("-2.01")));
        assertEquals(new BigDecimal("-2"), Decimals.ceil(new BigDecimal("-2.99")));
        assertEquals(new BigDecimal("-2.6"), Decimals.round(new BigDecimal("-2.55"), 1));
        assertEquals(0, new BigDecimal("1300").compareTo(Decimals.round(new BigDecimal("1250.5"), -2)));
        assertEquals(0, new BigDecimal("1200").compareTo(Decimals.round(new BigDecimal("1249.9"), -2)));
    }
}
