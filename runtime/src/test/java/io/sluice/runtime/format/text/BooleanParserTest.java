package io.sluice.runtime.format.text;

import static io.sluice.runtime.format.text.IntegerParserTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BooleanParserTest {
    @Test
    void readsTrueAndFalseInAnyCase() {
        assertTrue(parse("true"));
        assertTrue(parse("TRUE"));
        assertTrue(parse(" True "));
        assertFalse(parse("false"));
        assertFalse(parse("fAlSe"));
    }

    @Test
    void rejectsOtherWords() {
        for (String text : new String[] {"", "t", "1", "0", "yes", "truee", "fals", "tru\u00e9"}) {
            assertProblem("is not a valid BOOLEAN (true or false)", () -> parse(text));
        }
    }

    private static boolean parse(String text) {
        return BooleanParser.parse(Bytes.padded(text), 3, Bytes.length(text));
    }
}
