package io.sluice.runtime.format.text;

import static io.sluice.runtime.format.text.IntegerParserTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalParserTest {
    private final DecimalParser decimal52 = new DecimalParser(5, 2);
    private final DecimalParser decimal203 = new DecimalParser(20, 3);

    @Test
    void scalesUpShortFractions() {
        assertTrue(decimal52.fitsInLong());
        assertEquals(150, unscaled52("1.5"));
        assertEquals(700, unscaled52("7"));
        assertEquals(-700, unscaled52("-7."));
        assertEquals(5, unscaled52("0.05"));
        assertEquals(50, unscaled52(".5"));
        assertEquals(100, unscaled52(" 00001.00 "));
        assertEquals(99999, unscaled52("999.99"));
    }

    @Test
    void roundsLongFractionsHalfUp() {
        assertEquals(12346, unscaled52("123.456"));
        assertEquals(12345, unscaled52("123.454"));
        assertEquals(12346, unscaled52("123.455"));
        assertEquals(-12346, unscaled52("-123.455"));
        assertEquals(12345, unscaled52("123.4549999"));
        assertEquals(99999, unscaled52("999.994"));
    }

    @Test
    void placesThePointOfAnExponent() {
        assertEquals(10000, unscaled52("1e2"));
        assertEquals(12, unscaled52("1.15E-1"));
    }

    @Test
    void rejectsTooManyIntegerDigits() {
        assertProblem("is out of range for DECIMAL(5, 2)", () -> unscaled52("1000"));
        assertProblem("is out of range for DECIMAL(5, 2)", () -> unscaled52("-1234.5"));
        assertProblem("is out of range for DECIMAL(5, 2)", () -> unscaled52("999.995"));
        assertProblem("is out of range for DECIMAL(5, 2)", () -> unscaled52("1e3"));
        DecimalParser fraction = new DecimalParser(2, 2);
        assertEquals(99, fraction.parseUnscaled(Bytes.padded("0.99"), 3, 4));
        assertProblem("is out of range for DECIMAL(2, 2)", () -> fraction.parseUnscaled(Bytes.padded("1.00"), 3, 4));
    }

    @Test
    void rejectsWhatIsNotANumber() {
        for (String text : new String[] {"", ".", "-", "abc", "1.2.3", "12a", "1,5", "1e", "NaN"}) {
            assertProblem("is not a valid DECIMAL(5, 2)", () -> unscaled52(text));
            assertProblem("is not a valid DECIMAL(20, 3)", () -> big203(text));
        }
    }

    @Test
    void readsWideDecimalsThroughBigDecimal() {
        assertFalse(decimal203.fitsInLong());
        assertEquals(new BigDecimal("12345678901234567.124"), big203("12345678901234567.1235"));
        assertEquals(new BigDecimal("-0.500"), big203("-.5"));
        assertEquals(new BigDecimal("1500.000"), big203("1.5e3"));
        assertEquals(new BigDecimal("0.000"), big203("1e-999999999"));
        assertEquals(new BigDecimal("0.001"), big203("0.0005"));
        assertProblem("is out of range for DECIMAL(20, 3)", () -> big203("123456789012345678"));
        assertProblem("is out of range for DECIMAL(20, 3)", () -> big203("99999999999999999.9995"));
        assertProblem("is out of range for DECIMAL(20, 3)", () -> big203("1e999999999"));
    }

    private long unscaled52(String text) {
        return decimal52.parseUnscaled(Bytes.padded(text), 3, Bytes.length(text));
    }

    private BigDecimal big203(String text) {
        return decimal203.parse(Bytes.padded(text), 3, Bytes.length(text));
    }
}
