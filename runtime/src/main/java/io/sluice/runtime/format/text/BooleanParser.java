package io.sluice.runtime.format.text;

/** Reads BOOLEAN values from UTF-8 text: {@code true} or {@code false} in any case. */
public final class BooleanParser {
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    private BooleanParser() {
    }

    /**
     * The boolean in {@code bytes[offset, offset + length)}, ignoring blanks around it.
     *
     * @throws MalformedValueException if the text is neither {@code true} nor {@code false}
     */
    public static boolean parse(byte[] bytes, int offset, int length) {
        int from = Blanks.skipLeading(bytes, offset, offset + length);
        int to = Blanks.skipTrailing(bytes, from, offset + length);
        if (equalsIgnoreCase(bytes, from, to, TRUE)) {
            return true;
        }
        if (equalsIgnoreCase(bytes, from, to, FALSE)) {
            return false;
        }
        throw new MalformedValueException("is not a valid BOOLEAN (true or false)");
    }

    /** Compares with a lower-case ASCII word; {@code | 0x20} lower-cases ASCII letters and maps nothing else onto them. */
    private static boolean equalsIgnoreCase(byte[] bytes, int from, int to, byte[] word) {
        if (to - from != word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if ((bytes[from + i] | 0x20) != word[i]) {
                return false;
            }
        }
        return true;
    }
}
