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
}
