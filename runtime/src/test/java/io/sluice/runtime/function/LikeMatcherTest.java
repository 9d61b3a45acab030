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

    @Test
    void segmentsAreFoundAtTheirLeftmostPlace() {
        assertTrue(like("xaybz", "%a_b%"));
        assertFalse(like("xaybz", "%a_b"));
        assertTrue(like("abab", "a%b"));
        assertTrue(like("aXbXab", "a%ab"));
        assertFalse(like("ab", "a%%b%b"));
        assertTrue(like("abb", "a%%b%b"));
        // the last segment may not overlap the first
        assertFalse(like("aba", "ab%ba"));
        assertTrue(like("abba", "ab%ba"));
        assertTrue(like("a𝄞b𝄞", "%_b_"));
        assertFalse(like("a𝄞b𝄞", "%_b__"));
    }

    /** The answer of a regular expression built the way SQL defines LIKE, for short strings only. */
    @Test
    void agreesWithARegularExpressionOnEveryShortStringAndPattern() {
        java.util.Random random = new java.util.Random(42);
        char[] subjectChars = {'a', 'b'};
        char[] patternChars = {'a', 'b', '%', '_'};
        for (int n = 0; n < 20_000; n++) {
            String subject = randomText(random, subjectChars, 7);
            String pattern = randomText(random, patternChars, 6);
            String regex = pattern.replace("%", ".*").replace("_", ".");
            assertEquals(subject.matches(regex), like(subject, pattern), () -> "'" + subject + "' LIKE '" + pattern + "'");
        }
    }

    private static String randomText(java.util.Random random, char[] alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return text.toString();
    }

    /** A backtracking regular expression takes minutes here; at most length × pattern steps take milliseconds. */
    @Test
    void manyWildcardsOverALongStringTakeLinearTime() {
        String subject = "a".repeat(200_000);
        LikeMatcher matcher = LikeMatcher.compile("%a%a%a%a%a%a%b", null);
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            assertFalse(matcher.matches(subject));
        }
        assertTrue(LikeMatcher.compile("%a%a%a%a%a%a%_", null).matches(subject));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5_000, "10 matches of 200,000 characters took " + millis + " ms");
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
