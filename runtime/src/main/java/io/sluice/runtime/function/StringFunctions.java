package io.sluice.runtime.function;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.Locale;

/** SQL string functions, with SQL's 1-based positions. */
public final class StringFunctions {
    public static final int TRIM_BOTH = 0;
    public static final int TRIM_LEADING = 1;
    public static final int TRIM_TRAILING = 2;

    private StringFunctions() {
    }

    public static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    public static int charLength(String s) {
        return s.codePointCount(0, s.length());
    }

    /** SUBSTRING(s FROM start): the characters from position {@code start} to the end. */
    public static String substring(String s, long start) {
        return substring(s, start, Long.MAX_VALUE / 2);
    }

    /**
     * SUBSTRING(s FROM start FOR length) and SUBSTR(s, start, length), as Flink has them (not as
     * the standard): {@code length} characters from position {@code start}, or fewer where the
     * text ends. A start of 0 is position 1, a negative start counts from the end ({@code -2} is
     * the last two characters), and a negative start before the first character gives ''.
     */
    public static String substring(String s, long start, long length) {
        if (length < 0) {
            throw new SluiceException(ErrorCode.DATA_ERROR, "negative substring length " + length);
        }
        int codePoints = charLength(s);
        long from = start > 0 ? start - 1 : start < 0 ? codePoints + start : 0;
        if (from < 0 || from >= codePoints) {
            return "";
        }
        long to = Math.min(codePoints, from + length);
        int begin = s.offsetByCodePoints(0, (int) from);
        int end = s.offsetByCodePoints(begin, (int) (to - from));
        return s.substring(begin, end);
    }

    /**
     * TRIM([BOTH | LEADING | TRAILING] characters FROM s): removes, from the chosen ends, every
     * character that is one of {@code characters} (as Flink and Calcite do; the standard allows
     * only one).
     */
    public static String trim(int mode, String characters, String s) {
        int begin = 0;
        int end = s.length();
        if (mode != TRIM_TRAILING) {
            while (begin < end) {
                int c = s.codePointAt(begin);
                if (characters.indexOf(c) < 0) {
                    break;
                }
                begin += Character.charCount(c);
            }
        }
        if (mode != TRIM_LEADING) {
            while (end > begin) {
                int c = s.codePointBefore(end);
                if (characters.indexOf(c) < 0) {
                    break;
                }
                end -= Character.charCount(c);
            }
        }
        return s.substring(begin, end);
    }

    /**
     * Compares strings by their code points, which is the order of their UTF-8 bytes (Java's
     * {@code compareTo} compares UTF-16 units and puts some characters in another order).
     */
    public static int compare(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
                    return Integer.compare(a.codePointAt(i), b.codePointAt(i));
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    /** POSITION(needle IN s): the 1-based position of the first occurrence, or 0. */
    public static int position(String needle, String s) {
        int index = s.indexOf(needle);
        return index < 0 ? 0 : s.codePointCount(0, index) + 1;
    }

    /**
     * POSITION(needle IN s FROM start): the position of the first occurrence at or after
     * {@code start}, or 0; also 0 for a start before 1 or past the end, as in Calcite.
     */
    public static int position(String needle, String s, int start) {
        int length = charLength(s);
        if (start < 1 || start > length + 1) {
            return 0;
        }
        int index = s.indexOf(needle, s.offsetByCodePoints(0, start - 1));
        return index < 0 ? 0 : s.codePointCount(0, index) + 1;
    }

    /**
     * CAST to CHAR(length): cut to at most {@code length} characters, then padded with blanks to
     * exactly that many, as Flink does.
     */
    public static String toChar(String s, int length) {
        String cut = toVarchar(s, length);
        int missing = length - charLength(cut);
        return missing <= 0 ? cut : cut + " ".repeat(missing);
    }

    /** CAST to VARCHAR(length): cut to at most {@code length} characters, as Flink does. */
    public static String toVarchar(String s, int length) {
        if (s.length() <= length) {
            return s;
        }
        int count = s.codePointCount(0, s.length());
        return count <= length ? s : s.substring(0, s.offsetByCodePoints(0, length));
    }

    /**
     * The most characters a function that builds text from a count ({@code REPEAT}, {@code LPAD},
     * {@code RPAD}) makes: a count that would make more fails the query instead of its memory.
     */
    public static final int MAX_BUILT_LENGTH = 1 << 26;

    /** REPLACE(s, from, to): every occurrence of {@code from}, left to right without overlap, replaced. */
    public static String replace(String s, String from, String to) {
        return s.replace(from, to);
    }

    /** REPEAT(s, n): {@code s} n times; '' for n of 0 or less. */
    public static String repeat(String s, int n) {
        if (n <= 0 || s.isEmpty()) {
            return "";
        }
        checkBuiltLength("REPEAT", (long) charLength(s) * n);
        return s.repeat(n);
    }

    /**
     * LPAD(s, length, pad) and RPAD: {@code s} padded with repetitions of {@code pad} on the left
     * (or right) to {@code length} characters, or cut to its first {@code length} characters
     * when longer; null for a negative length or an empty pad, as in Flink.
     */
    public static String pad(String s, int length, String pad, boolean left) {
        if (length < 0 || pad.isEmpty()) {
            return null;
        }
        checkBuiltLength(left ? "LPAD" : "RPAD", length);
        int[] text = s.codePoints().toArray();
        if (text.length >= length) {
            return new String(text, 0, length);
        }
        int[] padding = pad.codePoints().toArray();
        int[] out = new int[length];
        int missing = length - text.length;
        int textStart = left ? missing : 0;
        int padStart = left ? 0 : text.length;
        System.arraycopy(text, 0, out, textStart, text.length);
        for (int i = 0; i < missing; i++) {
            out[padStart + i] = padding[i % padding.length];
        }
        return new String(out, 0, length);
    }

    /** REVERSE(s): the characters in reverse order (a character outside the BMP stays whole). */
    public static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    /** LEFT(s, n): the first n characters; '' for a negative n. */
    public static String left(String s, int n) {
        return n <= 0 ? "" : toVarchar(s, n);
    }

    /** RIGHT(s, n): the last n characters; '' for a negative n. */
    public static String right(String s, int n) {
        if (n <= 0) {
            return "";
        }
        int length = charLength(s);
        return n >= length ? s : s.substring(s.offsetByCodePoints(0, length - n));
    }

    /**
     * SPLIT_INDEX(s, separator, index): the index-th (from 0) of the parts between occurrences
     * of the whole separator; null for a negative index, an index past the last part, or an
     * empty {@code s} (which has no parts, as in Flink). An empty separator splits at each run of
     * whitespace, as Flink's does.
     */
    public static String splitIndex(String s, String separator, int index) {
        if (index < 0 || s.isEmpty()) {
            return null;
        }
        if (separator.isEmpty()) {
            String[] parts = s.trim().split("\\s+");
            return index < parts.length ? parts[index] : null;
        }
        int start = 0;
        for (int part = 0; ; part++) {
            int end = s.indexOf(separator, start);
            if (part == index) {
                return s.substring(start, end < 0 ? s.length() : end);
            }
            if (end < 0) {
                return null;
            }
            start = end + separator.length();
        }
    }

    /**
     * INITCAP(s): the first letter of each word upper case and the others lower case, a word
     * being a run of letters and digits.
     */
    public static String initcap(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean inWord = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            out.appendCodePoint(inWord ? Character.toLowerCase(c) : Character.toTitleCase(c));
            inWord = Character.isLetterOrDigit(c);
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /** ASCII(s): the code of the first character; 0 for ''. */
    public static int ascii(String s) {
        return s.isEmpty() ? 0 : s.codePointAt(0);
    }

    /** CHR(n): the character whose code is n modulo 256, as Flink has it; '' for a negative n. */
    public static String chr(long n) {
        return n < 0 ? "" : String.valueOf((char) (n & 0xFF));
    }

    /**
     * LOCATE(needle, s, start): the position of the first occurrence of {@code needle} at or
     * after position {@code start}, or 0 (also for a start before 1 or past the end).
     */
    public static int locate(String needle, String s, int start) {
        return position(needle, s, start);
    }

    /** IS_ALPHA(s): true when every character is a letter (and there is one). */
    public static boolean isAlpha(String s) {
        return !s.isEmpty() && s.codePoints().allMatch(Character::isLetter);
    }

    /** IS_DIGIT(s): true when every character is a digit (and there is one). */
    public static boolean isDigit(String s) {
        return !s.isEmpty() && s.codePoints().allMatch(Character::isDigit);
    }

    /** IS_DECIMAL(s): true when the text is a number ({@code 12}, {@code -1.5}, {@code 1e3}). */
    public static boolean isDecimal(String s) {
        if (s.isEmpty() || s.isBlank() || !s.equals(s.strip())) {
            return false;
        }
        try {
            new java.math.BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void checkBuiltLength(String function, long length) {
        if (length > MAX_BUILT_LENGTH) {
            throw new SluiceException(ErrorCode.DATA_ERROR, function + " would make a text of " + length
                    + " characters, more than the " + MAX_BUILT_LENGTH + " a value may have");
        }
    }
}
