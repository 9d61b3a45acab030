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
