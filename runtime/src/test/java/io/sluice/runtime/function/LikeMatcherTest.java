package io.sluice.runtime.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import org.junit.jupiter.api.Test;

class LikeMatcherTest {
    @Test
    void exactPrefixSuffixAndContains() {
        assertTrue(like("abc", "abc"));
        assertFalse(like("abcd", "abc"));
        assertFalse(like("ab", "abc"));
        assertTrue(like("abcd", "ab%"));
        assertFalse(like("xabcd", "ab%"));
        assertTrue(like("xxab", "%ab"));
        assertFalse(like("xxabx", "%ab"));
        assertTrue(like("xxabxx", "%ab%"));
        assertFalse(like("xxaxbxx", "%ab%"));
    }

    @Test
    void percentMatchesAnythingIncludingNothingAndLineBreaks() {
        assertTrue(like("", "%"));
        assertTrue(like("", "%%"));
        assertTrue(like("a\nb", "%"));
        assertTrue(like("a\nb", "a%b"));
        assertTrue(like("ab", "a%b"));
        assertFalse(like("", "_"));
        assertFalse(like("", "a"));
        assertTrue(like("", ""));
        assertFalse(like("a", ""));
    }

    @Test
    void underscoreMatchesExactlyOneCharacter() {
        assertTrue(like("abc", "a_c"));
        assertFalse(like("ac", "a_c"));
        assertFalse(like("abbc", "a_c"));
        assertTrue(like("a\nc", "a_c"));
        // A character outside the Basic Multilingual Plane is one character, two UTF-16 units.
        assertTrue(like("a𝄞c", "a_c"));
        assertFalse(like("a𝄞c", "a__c"));
        assertTrue(like("𝄞", "_"));
    }

    @Test
    void wildcardsInTheMiddle() {
        assertTrue(like("abcabc", "a%c%c"));
        assertFalse(like("abcab", "a%c%c"));
        assertTrue(like("axbyc", "a_b_c"));
        assertTrue(like("abc", "%b%c"));
        assertTrue(like("bc", "%%b%%c%%"));
    }

    @Test
    void regularExpressionCharactersAreLiteral() {
        assertTrue(like("a.c", "a.c"));
        assertFalse(like("abc", "a.c"));
        assertTrue(like("(x)*[y]+$^{z}|\\", "(x)*[y]+$^{z}|\\"));
        assertFalse(like("xxxyz", "(x)*[y]+$^{z}|\\"));
        assertTrue(like("a\\Exb", "a\\E_b"));
        assertFalse(like("a\\Exxb", "a\\E_b"));
        assertTrue(like("1+1=2", "%+%=_"));
    }

    @Test
    void escapedWildcardsAreLiteral() {
        assertTrue(like("a%c", "a\\%c", "\\"));
        assertFalse(like("abc", "a\\%c", "\\"));
        assertTrue(like("a_c", "a!_c", "!"));
        assertFalse(like("abc", "a!_c", "!"));
        assertTrue(like("100%", "%!%", "!"));
        assertFalse(like("100", "%!%", "!"));
        assertTrue(like("%x", "!%%", "!"));
        assertFalse(like("x%", "!%%", "!"));
        assertTrue(like("a!b", "a!!b", "!"));
        assertTrue(like("a!b", "a!!%", "!"));
    }

    @Test
    void escapeMayOnlyPrecedeWildcardsOrItself() {
        assertInvalid("a\\b", "\\", "may only escape");
        assertInvalid("abc\\", "\\", "ends with its escape");
        assertInvalid("abc", "", "must be one character");
        assertInvalid("abc", "!!", "must be one character");
    }

    @Test
    void patternThatIsNotAConstant() {
        assertTrue(LikeMatcher.like("abcdef", "a_c%", null));
        assertTrue(LikeMatcher.like("a%", "a!%", "!"));
        assertFalse(LikeMatcher.like("ab", "a!%", "!"));
    }

    private static boolean like(String s, String pattern) {
        return LikeMatcher.compile(pattern, null).matches(s);
    }

    private static boolean like(String s, String pattern, String escape) {
        return LikeMatcher.compile(pattern, escape).matches(s);
    }

    private static void assertInvalid(String pattern, String escape, String message) {
        SluiceException e = assertThrows(SluiceException.class, () -> LikeMatcher.compile(pattern, escape));
        assertEquals(ErrorCode.DATA_ERROR, e.code());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
