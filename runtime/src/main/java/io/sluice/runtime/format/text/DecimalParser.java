package io.sluice.runtime.format.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Reads DECIMAL(p, s) values from UTF-8 text: {@code [sign] digits [. digits] [e [sign] digits]}
 * with blanks around it ignored. Fewer fractional digits than the scale are padded with zeros;
 * more are rounded HALF_UP, as Flink does ({@code 1.005} is {@code 1.01} in DECIMAL(3, 2)). A
 * value with more integer digits than {@code p - s}, after rounding, is out of range.
 *
 * <p>For a precision of at most {@link #MAX_LONG_PRECISION}, {@link #parseUnscaled} gives the
 * unscaled value as a long without allocating; wider decimals go through {@link BigDecimal}.
 */
public final class DecimalParser {
    /** The widest precision whose unscaled values all fit in a long. */
    public static final int MAX_LONG_PRECISION = 18;
    private static final int MAX_PRECISION = 38;
    private static final long[] POWERS_OF_TEN = new long[MAX_LONG_PRECISION + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private final int precision;
    private final int scale;
    private final String type;

    public DecimalParser(int precision, int scale) {
        if (precision < 1 || precision > MAX_PRECISION) {
            throw new IllegalArgumentException("precision must be in [1, " + MAX_PRECISION + "]: " + precision);
        }
        if (scale < 0 || scale > precision) {
            throw new IllegalArgumentException("scale must be in [0, precision]: " + scale);
        }
        this.precision = precision;
        this.scale = scale;
        this.type = "DECIMAL(" + precision + ", " + scale + ")";
    }

    public boolean fitsInLong() {
        return precision <= MAX_LONG_PRECISION;
    }

    /**
     * The value times {@code 10^scale}, for a precision of at most {@link #MAX_LONG_PRECISION}.
     *
     * @throws MalformedValueException if the text is not a number or out of range
     */
    public long parseUnscaled(byte[] bytes, int offset, int length) {
        if (!fitsInLong()) {
            throw new IllegalStateException(type + " does not fit in a long");
        }
        int i = Blanks.skipLeading(bytes, offset, offset + length);
        int to = Blanks.skipTrailing(bytes, i, offset + length);
        boolean negative = false;
        if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
            negative = bytes[i] == '-';
            i++;
        }
        long unscaled = 0;
        int integerDigits = 0;
        int fractionDigits = 0;
        int firstDroppedDigit = 0;
        boolean anyDigit = false;
        boolean tooLarge = false;
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
            anyDigit = true;
            if (!inFraction) {
                if (unscaled == 0 && digit == 0) {
                    continue;
                }
                integerDigits++;
                tooLarge |= integerDigits > precision - scale;
                if (!tooLarge) {
                    unscaled = unscaled * 10 + digit;
                }
            } else if (fractionDigits < scale) {
                unscaled = unscaled * 10 + digit;
                fractionDigits++;
            } else if (fractionDigits == scale) {
                firstDroppedDigit = digit;
                fractionDigits++;
            }
        }
        if (!anyDigit) {
            throw notValid();
        }
        if (i < to && (bytes[i] == 'e' || bytes[i] == 'E')) {
            // Rare in data: let BigDecimal place the point.
            return parse(bytes, offset, length).unscaledValue().longValueExact();
        }
        if (i != to) {
            throw notValid();
        }
        if (tooLarge) {
            throw outOfRange();
        }
        if (fractionDigits < scale) {
            unscaled *= POWERS_OF_TEN[scale - fractionDigits];
        }
        // HALF_UP: the first dropped digit decides, the ones after it cannot change the outcome.
        if (firstDroppedDigit >= 5) {
            unscaled++;
            if (unscaled >= POWERS_OF_TEN[precision]) {
                throw outOfRange();
            }
        }
        return negative ? -unscaled : unscaled;
    }

    /**
     * The value with exactly {@code scale} fractional digits.
     *
     * @throws MalformedValueException if the text is not a number or out of range
     */
    public BigDecimal parse(byte[] bytes, int offset, int length) {
        int from = Blanks.skipLeading(bytes, offset, offset + length);
        int to = Blanks.skipTrailing(bytes, from, offset + length);
        BigDecimal value;
        try {
            value = new BigDecimal(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
        } catch (NumberFormatException e) {
            throw notValid();
        }
        if (value.signum() == 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        // The position of the leading digit: the value lies in [10^(magnitude-1), 10^magnitude).
        long magnitude = (long) value.precision() - value.scale();
        if (magnitude > precision - scale) {
            throw outOfRange();
        }
        if (magnitude < -scale) {
            // Below half of the last digit kept: rounds to zero (checked first, as a huge
            // negative exponent would make rescaling slow).
            return BigDecimal.ZERO.setScale(scale);
        }
        BigDecimal scaled = value.setScale(scale, RoundingMode.HALF_UP);
        if (scaled.precision() > precision) {
            throw outOfRange();
        }
        return scaled;
    }

    private MalformedValueException notValid() {
        return new MalformedValueException("is not a valid " + type);
    }

    private MalformedValueException outOfRange() {
        return new MalformedValueException("is out of range for " + type);
    }
}
