package io.sluice.runtime.format.text;

import java.nio.charset.StandardCharsets;

/**
 * Reads FLOAT and DOUBLE values from UTF-8 text: {@code [sign] digits [. digits] [e [sign] digits]},
 * {@code NaN} or {@code [sign] Infinity}, with blanks around it ignored.
 *
 * <p>Most values take an exact fast path with no allocation: a mantissa of at most 15 digits
 * and a small power of ten are both exact in a double, so one multiplication or division
 * rounds correctly. Other values (long mantissas, large exponents) go through the JDK's parser,
 * after the text was checked against the grammar above, so that Java-only forms such as
 * {@code 1d} or hexadecimal floats are not accepted.
 */
public final class FloatingPointParser {
    private static final double[] DOUBLE_POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final float[] FLOAT_POWERS_OF_TEN = {1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};
    /** Longest mantissa every double holds exactly (10^15 &lt; 2^53). */
    private static final int DOUBLE_EXACT_DIGITS = 15;
    /** Largest mantissa every float holds exactly. */
    private static final long FLOAT_EXACT_MANTISSA = 1L << 24;
    /** Digits kept in the mantissa; more go to the JDK's parser. */
    private static final int MAX_MANTISSA_DIGITS = 18;
    private static final byte[] NAN = {'N', 'a', 'N'};
    private static final byte[] INFINITY = {'I', 'n', 'f', 'i', 'n', 'i', 't', 'y'};

    private FloatingPointParser() {
    }

    /** @throws MalformedValueException if the text is not a number, or too large for a DOUBLE */
    public static double parseDouble(byte[] bytes, int offset, int length) {
        return parse(bytes, offset, length, false);
    }

    /** @throws MalformedValueException if the text is not a number, or too large for a FLOAT */
    public static float parseFloat(byte[] bytes, int offset, int length) {
        return (float) parse(bytes, offset, length, true);
    }

    /** The value, rounded to a float (and returned widened, which is exact) when {@code single}. */
    private static double parse(byte[] bytes, int offset, int length, boolean single) {
        String type = single ? "FLOAT" : "DOUBLE";
        int from = Blanks.skipLeading(bytes, offset, offset + length);
        int to = Blanks.skipTrailing(bytes, from, offset + length);
        int i = from;
        boolean negative = false;
        if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
            negative = bytes[i] == '-';
            i++;
        }
        if (matches(bytes, i, to, NAN)) {
            return Double.NaN;
        }
        if (matches(bytes, i, to, INFINITY)) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }

        long mantissa = 0;
        int mantissaDigits = 0;
        int significantDigits = 0;
        int digits = 0;
        long exponent = 0;
        boolean inFraction = false;
        for (; i < to; i++) {
            byte b = bytes[i];
            if (b == '.' && !inFraction) {
                inFraction = true;
                continue;
            }
            int digit = b - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            digits++;
            if (mantissa != 0 || digit != 0) {
                significantDigits++;
            }
            if (mantissaDigits < MAX_MANTISSA_DIGITS) {
                mantissa = mantissa * 10 + digit;
                if (mantissa != 0) {
                    mantissaDigits++;
                }
                if (inFraction) {
                    exponent--;
                }
            } else if (!inFraction) {
                exponent++;
            }
        }
        if (digits == 0) {
            throw new MalformedValueException("is not a valid " + type);
        }
        if (i < to && (bytes[i] == 'e' || bytes[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
                negativeExponent = bytes[i] == '-';
                i++;
            }
            if (i == to) {
                throw new MalformedValueException("is not a valid " + type);
            }
            long written = 0;
            for (; i < to; i++) {
                int digit = bytes[i] - '0';
                if (digit < 0 || digit > 9) {
                    throw new MalformedValueException("is not a valid " + type);
                }
                // Beyond any double's range either way; the JDK's parser gives 0 or infinity.
                written = Math.min(written * 10 + digit, 100_000);
            }
            exponent += negativeExponent ? -written : written;
        }
        if (i != to) {
            throw new MalformedValueException("is not a valid " + type);
        }

        double value;
        if (mantissa == 0) {
            value = 0;
        } else if (single && mantissa <= FLOAT_EXACT_MANTISSA && Math.abs(exponent) < FLOAT_POWERS_OF_TEN.length) {
            float m = mantissa;
            value = exponent >= 0 ? m * FLOAT_POWERS_OF_TEN[(int) exponent] : m / FLOAT_POWERS_OF_TEN[(int) -exponent];
        } else if (!single && significantDigits <= DOUBLE_EXACT_DIGITS
                && Math.abs(exponent) < DOUBLE_POWERS_OF_TEN.length) {
            double m = mantissa;
            value = exponent >= 0 ? m * DOUBLE_POWERS_OF_TEN[(int) exponent] : m / DOUBLE_POWERS_OF_TEN[(int) -exponent];
        } else {
            String text = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
            value = single ? Float.parseFloat(text) : Double.parseDouble(text);
            if (Double.isInfinite(value)) {
                throw new MalformedValueException("is out of range for " + type);
            }
            return value;
        }
        return negative ? -value : value;
    }

    private static boolean matches(byte[] bytes, int from, int to, byte[] word) {
        if (to - from != word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (bytes[from + i] != word[i]) {
                return false;
            }
        }
        return true;
    }
}
