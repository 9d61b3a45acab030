package io.sluice.runtime.function;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numeric functions whose SQL meaning differs from Java's: rounding half away from zero,
 * truncation to a number of decimal places, logarithms to a base.
 */
public final class MathFunctions {
    /** Powers of ten that fit in a long, by exponent. */
    private static final long[] POWERS_OF_TEN = new long[19];
    /** More decimal places than any double prints with (at most 17 digits after 323 zeros). */
    private static final int DOUBLE_DIGITS = 400;
    /** 10^19 - 2^64. */
    private static final long TEN_TO_THE_19_WRAPPED = -8_446_744_073_709_551_616L;

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private MathFunctions() {
    }

    /**
     * ROUND(value, digits) of an integer: unchanged for digits &ge; 0, otherwise to a multiple of
     * 10<sup>-digits</sup>, halves away from zero ({@code ROUND(-15, -1)} is -20). Wraps like other
     * integer arithmetic when the result does not fit.
     */
    public static long round(long value, int digits) {
        if (digits >= 0) {
            return value;
        }
        // Compared as digits, not -digits, which overflows for the smallest INT.
        if (digits <= -POWERS_OF_TEN.length) {
            // 10^19 does not fit in a long: a value that rounds up to it wraps as its product would.
            boolean up = digits == -POWERS_OF_TEN.length
                    && (value >= 5_000_000_000_000_000_000L || value <= -5_000_000_000_000_000_000L);
            return up ? (value < 0 ? -TEN_TO_THE_19_WRAPPED : TEN_TO_THE_19_WRAPPED) : 0;
        }
        long unit = POWERS_OF_TEN[-digits];
        long remainder = value % unit;
        long truncated = value - remainder;
        if (Math.abs(remainder) >= unit - Math.abs(remainder)) {
            return truncated + (value < 0 ? -unit : unit);
        }
        return truncated;
    }

    /**
     * ROUND(value, digits) of a floating-point number, halves away from zero, taking the value as
     * the decimal it prints as ({@code ROUND(1.005, 2)} is 1.01, as in Flink), which needs a
     * decimal on the way.
     */
    public static double round(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        // A double prints with fewer than DOUBLE_DIGITS decimals and is less than 10^DOUBLE_DIGITS:
        // rounding to more digits, or fewer, gives what rounding to that many does.
        int bounded = Math.max(-DOUBLE_DIGITS, Math.min(DOUBLE_DIGITS, digits));
        return BigDecimal.valueOf(value).setScale(bounded, RoundingMode.HALF_UP).doubleValue();
    }

    /** TRUNCATE(value, digits) of an integer: unchanged for digits &ge; 0, else toward zero to a multiple of 10^-digits. */
    public static long truncate(long value, int digits) {
        if (digits >= 0) {
            return value;
        }
        if (digits <= -POWERS_OF_TEN.length) {
            return 0;
        }
        return value - value % POWERS_OF_TEN[-digits];
    }

    /** TRUNCATE(value, digits) of a floating-point number, toward zero, taking the value as the decimal it prints as. */
    public static double truncate(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        int bounded = Math.max(-DOUBLE_DIGITS, Math.min(DOUBLE_DIGITS, digits));
        return BigDecimal.valueOf(value).setScale(bounded, RoundingMode.DOWN).doubleValue();
    }

    /** TRUNCATE(value, digits) of a decimal, toward zero, at the value's own scale. */
    public static BigDecimal truncate(BigDecimal value, int digits) {
        int bounded = Math.max(-DOUBLE_DIGITS, Math.min(value.scale(), digits));
        return value.setScale(bounded, RoundingMode.DOWN).setScale(value.scale(), RoundingMode.UNNECESSARY);
    }

    /** LOG(base, x): the logarithm of x to the base. */
    public static double log(double base, double x) {
        return Math.log(x) / Math.log(base);
    }

    /** LOG2(x). */
    public static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** RAND_INTEGER(bound): a random integer from 0 to bound - 1; a bound of 0 or less fails with 22000. */
    public static int randomInteger(java.util.Random random, int bound) {
        if (bound <= 0) {
            throw new io.sluice.runtime.error.SluiceException(io.sluice.runtime.error.ErrorCode.DATA_ERROR,
                    "RAND_INTEGER needs a bound above 0, not " + bound);
        }
        return random.nextInt(bound);
    }
}
