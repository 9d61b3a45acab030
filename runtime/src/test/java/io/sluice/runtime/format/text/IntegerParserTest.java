package io.sluice.runtime.format.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IntegerParserTest {
    @Test
    void readsSignedNumbersWithBlanksAround() {
        assertEquals(42, parseInt("42"));
        assertEquals(-17, parseInt("-17"));
        assertEquals(7, parseInt("+7"));
        assertEquals(42, parseInt(" \t42 "));
        assertEquals(0, parseInt("-0"));
        assertEquals(5, parseInt("0005"));
    }

    @Test
    void readsTheLimitsOfEachType() {
        assertEquals(-128, parse("-128", Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT"));
        assertEquals(127, parse("127", Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT"));
        assertEquals(-32768, parse("-32768", Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT"));
        assertEquals(-2147483648L, parseInt("-2147483648"));
        assertEquals(2147483647L, parseInt("2147483647"));
        assertEquals(Long.MAX_VALUE, parseLong("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, parseLong("-9223372036854775808"));
    }

    @Test
    void rejectsValuesOutOfRange() {
        assertProblem("is out of range for TINYINT", () -> parse("128", Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT"));
        assertProblem("is out of range for TINYINT", () -> parse("-129", Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT"));
        assertProblem("is out of range for INT", () -> parseInt("2147483648"));
        assertProblem("is out of range for INT", () -> parseInt("-2147483649"));
        assertProblem("is out of range for BIGINT", () -> parseLong("9223372036854775808"));
        assertProblem("is out of range for BIGINT", () -> parseLong("-9223372036854775809"));
        assertProblem("is out of range for BIGINT", () -> parseLong("123456789012345678901234567890"));
    }

    @Test
    void rejectsWhatIsNotAWholeNumber() {
        for (String text : new String[] {"", " ", "-", "+", "12a", "1.0", "1e3", "--1", "1 2", "0x10", "١٢"}) {
            assertProblem("is not a valid INT", () -> parseInt(text));
        }
        // A long run of digits followed by garbage is not a number at all, not an overflow.
        assertProblem("is not a valid BIGINT", () -> parseLong("99999999999999999999x"));
    }

    private static long parseInt(String text) {
        return parse(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "INT");
    }

    private static long parseLong(String text) {
        return parse(text, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
    }

    private static long parse(String text, long min, long max, String type) {
        return IntegerParser.parse(Bytes.padded(text), 3, Bytes.length(text), min, max, type);
    }

    static void assertProblem(String expected, Runnable parse) {
        MalformedValueException e = assertThrows(MalformedValueException.class, parse::run);
        assertEquals(expected, e.getMessage());
    }
}
