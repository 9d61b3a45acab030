package io.sluice.runtime.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.error.SluiceException;
import org.junit.jupiter.api.Test;

class StringFunctionsTest {
    @Test
    void substringFromAPosition() {
        assertEquals("hello", StringFunctions.substring("hello", 1));
        assertEquals("llo", StringFunctions.substring("hello", 3));
        assertEquals("o", StringFunctions.substring("hello", 5));
        assertEquals("", StringFunctions.substring("hello", 6));
        assertEquals("", StringFunctions.substring("hello", 100));
        // As in Flink: 0 is position 1, and a negative start counts from the end.
        assertEquals("hello", StringFunctions.substring("hello", 0));
        assertEquals("lo", StringFunctions.substring("hello", -2));
        assertEquals("hello", StringFunctions.substring("hello", -5));
        assertEquals("", StringFunctions.substring("hello", -6));
        assertEquals("", StringFunctions.substring("", 1));
        assertEquals("", StringFunctions.substring("", -1));
    }

    @Test
    void substringOfALengthStopsAtTheEnd() {
        assertEquals("ell", StringFunctions.substring("hello", 2, 3));
        assertEquals("", StringFunctions.substring("hello", 2, 0));
        assertEquals("llo", StringFunctions.substring("hello", 3, 100));
        // Flink's rule for starts before 1: 0 is the first character, -2 the second to last.
        assertEquals("he", StringFunctions.substring("hello", 0, 2));
        assertEquals("lo", StringFunctions.substring("hello", -2, 3));
        assertEquals("l", StringFunctions.substring("hello", -2, 1));
        assertEquals("", StringFunctions.substring("hello", 6, 2));
        assertEquals("", StringFunctions.substring("hello", Integer.MIN_VALUE, Long.MAX_VALUE / 2));
        assertEquals("", StringFunctions.substring("hello", Integer.MAX_VALUE, Integer.MAX_VALUE));
    }

    @Test
    void substringCountsCodePoints() {
        String s = "a𝄞b€c";
        assertEquals("𝄞b", StringFunctions.substring(s, 2, 2));
        assertEquals("b€c", StringFunctions.substring(s, 3));
        assertEquals("𝄞", StringFunctions.substring(s, 2, 1));
        assertEquals(5, StringFunctions.charLength(s));
        assertEquals(0, StringFunctions.charLength(""));
    }

    @Test
    void negativeSubstringLengthIsAnError() {
        SluiceException e = assertThrows(SluiceException.class, () -> StringFunctions.substring("hello", 1, -1));
        assertEquals("22000", e.sqlState());
        assertTrue(e.getMessage().contains("negative substring length -1"), e.getMessage());
    }

    @Test
    void positionCountsCodePoints() {
        assertEquals(3, StringFunctions.position("b", "a𝄞b"));
        assertEquals(2, StringFunctions.position("𝄞", "a𝄞b"));
        assertEquals(1, StringFunctions.position("", "abc"));
        assertEquals(1, StringFunctions.position("", ""));
        assertEquals(0, StringFunctions.position("x", "abc"));
        assertEquals(0, StringFunctions.position("abcd", "abc"));
    }

    @Test
    void positionFromAStart() {
        assertEquals(4, StringFunctions.position("l", "hello", 4));
        assertEquals(3, StringFunctions.position("l", "hello", 1));
        assertEquals(0, StringFunctions.position("l", "hello", 5));
        assertEquals(5, StringFunctions.position("o", "a𝄞bco", 3));
        assertEquals(0, StringFunctions.position("h", "hello", 0));
        assertEquals(6, StringFunctions.position("", "hello", 6));
        assertEquals(0, StringFunctions.position("", "hello", 7));
    }

    @Test
    void castsToSizedTextCutAndPad() {
        assertEquals("ab", StringFunctions.toVarchar("abc", 2));
        assertEquals("abc", StringFunctions.toVarchar("abc", 3));
        assertEquals("a𝄞", StringFunctions.toVarchar("a𝄞b", 2));
        assertEquals("ab ", StringFunctions.toChar("ab", 3));
        assertEquals("a𝄞", StringFunctions.toChar("a𝄞b", 2));
        assertEquals("𝄞  ", StringFunctions.toChar("𝄞", 3));
        assertEquals("   ", StringFunctions.toChar("", 3));
    }

    @Test
    void trimRemovesAnyOfTheCharactersFromTheChosenEnds() {
        assertEquals("b", StringFunctions.trim(StringFunctions.TRIM_BOTH, " ", "  b  "));
        assertEquals("b  ", StringFunctions.trim(StringFunctions.TRIM_LEADING, " ", "  b  "));
        assertEquals("  b", StringFunctions.trim(StringFunctions.TRIM_TRAILING, " ", "  b  "));
        assertEquals("b", StringFunctions.trim(StringFunctions.TRIM_BOTH, "xy", "xyxbyyx"));
        assertEquals("", StringFunctions.trim(StringFunctions.TRIM_BOTH, "x", "xxx"));
        assertEquals("", StringFunctions.trim(StringFunctions.TRIM_BOTH, "x", ""));
        assertEquals("abc", StringFunctions.trim(StringFunctions.TRIM_BOTH, "", "abc"));
    }

    @Test
    void trimTakesWholeCodePoints() {
        // 𝄞 (U+1D11E) and 𝄢 (U+1D122) share their high surrogate; trimming one leaves the other whole.
        assertEquals("𝄢a", StringFunctions.trim(StringFunctions.TRIM_BOTH, "𝄞", "𝄞𝄢a𝄞"));
        assertEquals("a", StringFunctions.trim(StringFunctions.TRIM_BOTH, "𝄞𝄢", "𝄞𝄢a𝄞"));
    }

    @Test
    void compareByCodePoint() {
        assertTrue(StringFunctions.compare("a", "b") < 0);
        assertTrue(StringFunctions.compare("B", "a") < 0);
        assertTrue(StringFunctions.compare("ab", "abc") < 0);
        assertTrue(StringFunctions.compare("abc", "ab") > 0);
        assertEquals(0, StringFunctions.compare("𝄞", "𝄞"));
        // U+FFEE sorts before U+1D11E by code point (and in UTF-8), after it in UTF-16 units.
        assertTrue(StringFunctions.compare("\uFFEE", "𝄞") < 0);
        assertTrue(StringFunctions.compare("𝄞", "\uFFEE") > 0);
        assertTrue(StringFunctions.compare("𝄞", "𝄢") < 0);
    }

    @Test
    void upperAndLowerDoNotDependOnTheLocale() {
        assertEquals("TITLE", StringFunctions.upper("title"));
        assertEquals("title", StringFunctions.lower("TITLE"));
        assertEquals("ÉTÉ", StringFunctions.upper("été"));
    }
}
