package io.sluice.runtime.format.text;

/** Reads whole numbers (TINYINT to BIGINT) from UTF-8 text, without making a string. */
public final class IntegerParser {
    private IntegerParser() {
    }

    /**
     * The whole number in {@code bytes[offset, offset + length)}: an optional sign and decimal
     * digits, with blanks around it ignored.
     *
     * @param min  the smallest value the column holds, e.g. {@code Integer.MIN_VALUE}
     * @param max  the largest value the column holds
     * @param type the column's SQL type, for the error message
     * @throws MalformedValueException if the text is not a whole number, or it is outside {@code [min, max]}
     */
    public static long parse(byte[] bytes, int offset, int length, long min, long max, String type) {
        int i = Blanks.skipLeading(bytes, offset, offset + length);
        int to = Blanks.skipTrailing(bytes, i, offset + length);
        boolean negative = false;
        if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
            negative = bytes[i] == '-';
            i++;
        }
        if (i == to) {
            throw notValid(type);
        }
        // Accumulated as a negative number, whose range includes Long.MIN_VALUE.
        long result = 0;
        boolean overflow = false;
        for (; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                throw notValid(type);
            }
            if (!overflow) {
                if (result < Long.MIN_VALUE / 10 || result * 10 < Long.MIN_VALUE + digit) {
                    overflow = true;
                } else {
                    result = result * 10 - digit;
                }
            }
        }
        if (overflow || (!negative && result == Long.MIN_VALUE)) {
            throw outOfRange(type);
        }
        long value = negative ? result : -result;
        if (value < min || value > max) {
            throw outOfRange(type);
        }
        return value;
    }

    private static MalformedValueException notValid(String type) {
        return new MalformedValueException("is not a valid " + type);
    }

    private static MalformedValueException outOfRange(String type) {
        return new MalformedValueException("is out of range for " + type);
    }
}
