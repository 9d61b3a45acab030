package io.sluice.runtime.format.text;

import static io.sluice.runtime.format.text.IntegerParserTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FloatingPointParserTest {
    @Test
    void readsDoubles() {
        assertEquals(1.5, parseDouble("1.5"));
        assertEquals(-0.1, parseDouble("-0.1"));
        assertEquals(0.05, parseDouble("0.05"));
        assertEquals(1000.0, parseDouble("1e3"));
        assertEquals(0.0025, parseDouble("2.5E-3"));
        assertEquals(42.0, parseDouble(" 42 "));
        assertEquals(0.5, parseDouble(".5"));
        assertEquals(3.0, parseDouble("3."));
        assertEquals(0.30000000000000004, parseDouble("0.30000000000000004"));
        assertEquals(123456789012345678901234567890d, parseDouble("123456789012345678901234567890"));
        assertEquals(Double.MAX_VALUE, parseDouble("1.7976931348623157E308"));
        assertEquals(Double.MIN_VALUE, parseDouble("4.9E-324"));
        assertEquals(0.0, parseDouble("1e-400"));
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(parseDouble("-0.0")));
    }

    @Test
    void readsNamedValues() {
        assertTrue(Double.isNaN(parseDouble("NaN")));
        assertEquals(Double.POSITIVE_INFINITY, parseDouble("Infinity"));
        assertEquals(Double.NEGATIVE_INFINITY, parseDouble("-Infinity"));
        assertEquals(Float.POSITIVE_INFINITY, parseFloat("+Infinity"));
    }

    @Test
    void readsFloatsRoundedOnceToFloat() {
        assertEquals(0.1f, parseFloat("0.1"));
        assertEquals(-2.75f, parseFloat("-2.75"));
        assertEquals(Float.MAX_VALUE, parseFloat("3.4028235e38"));
        assertEquals(16777217e3f, parseFloat("16777217000"));
    }

    @Test
    void rejectsNumbersBeyondTheRange() {
        assertProblem("is out of range for DOUBLE", () -> parseDouble("1e400"));
        assertProblem("is out of range for DOUBLE", () -> parseDouble("-1.8e308"));
        assertProblem("is out of range for FLOAT", () -> parseFloat("1e39"));
    }

    @Test
    void rejectsWhatIsNotANumber() {
        for (String text : new String[] {"", ".", "-", "e5", "1e", "1e+", "1.2.3", "1d", "1f", "0x1p3", "1,5", "nan",
                "Inf", "1 000", "abc"}) {
            assertProblem("is not a valid DOUBLE", () -> parseDouble(text));
        }
        assertProblem("is not a valid FLOAT", () -> parseFloat("x"));
    }

    @Test
    void agreesWithTheJdkOnRandomDecimals() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            String text = randomDecimal(random);
            assertEquals(Double.parseDouble(text), parseDouble(text), text);
            float expected = Float.parseFloat(text);
            if (Float.isInfinite(expected)) {
                assertProblem("is out of range for FLOAT", () -> parseFloat(text));
            } else {
                assertEquals(expected, parseFloat(text), text);
            }
        }
    }

    private static String randomDecimal(Random random) {
        StringBuilder text = new StringBuilder();
        if (random.nextBoolean()) {
            text.append('-');
        }
        int integerDigits = random.nextInt(12);
        for (int d = 0; d < integerDigits; d++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        text.append('.');
        int fractionDigits = random.nextInt(integerDigits == 0 ? 12 : 10) + (integerDigits == 0 ? 1 : 0);
        for (int d = 0; d < fractionDigits; d++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        if (random.nextInt(4) == 0) {
            text.append('e').append(random.nextInt(60) - 30);
        }
        return text.toString();
    }

    private static double parseDouble(String text) {
        return FloatingPointParser.parseDouble(Bytes.padded(text), 3, Bytes.length(text));
    }

    private static float parseFloat(String text) {
        return FloatingPointParser.parseFloat(Bytes.padded(text), 3, Bytes.length(text));
    }
}
