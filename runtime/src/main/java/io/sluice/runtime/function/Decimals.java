package io.sluice.runtime.function;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * DECIMAL arithmetic with SQL's fixed precision and scale. Besides {@link BigDecimal}s, sums,
 * differences and products of decimals held as unscaled longs (the value times ten to the
 * scale): those give {@link #NO_LONG} whenever the exact result, rounded to its scale, would not
 * be a long of at most the result's precision in digits, and the caller then computes that row
 * with BigDecimals, so both ways give the same value and the same errors.
 */
public final class Decimals {
    /**
     * An unscaled long that stands for "not held as a long". No decimal of at most 18 digits is
     * this value, and an operand that is (a BIGINT's minimum) takes the BigDecimal way.
     */
    public static final long NO_LONG = Long.MIN_VALUE;

    /** The most decimal digits every long can hold. */
    public static final int LONG_DIGITS = 18;

    private static final long[] POWERS_OF_TEN = new long[LONG_DIGITS + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i <= LONG_DIGITS; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private Decimals() {
    }

    /**
     * The product of {@code a} and {@code b} (unscaled, of scales that add up to the result's
     * scale less {@code shift}), rounded half up to the result's scale, or {@link #NO_LONG}.
     */
    public static long multiply(long a, long b, int shift, int precision) {
        if (a == NO_LONG || b == NO_LONG) {
            return NO_LONG;
        }
        long product = a * b;
        if (Math.multiplyHigh(a, b) != (product >> 63)) {
            return NO_LONG;
        }
        return fit(rescale(product, shift), precision);
    }

    /**
     * The sum of {@code a} and {@code b} (unscaled), each first brought to a common scale by
     * {@code shiftA} and {@code shiftB} (at least 0), then rounded half up to the result's scale
     * ({@code shift} from the common one), or {@link #NO_LONG}.
     */
    public static long add(long a, int shiftA, long b, int shiftB, int shift, int precision) {
        long left = rescale(a, shiftA);
        long right = rescale(b, shiftB);
        if (left == NO_LONG || right == NO_LONG) {
            return NO_LONG;
        }
        long sum = left + right;
        if (((left ^ sum) & (right ^ sum)) < 0) {
            return NO_LONG;
        }
        return fit(rescale(sum, shift), precision);
    }

    /** {@code a - b} as {@link #add} computes {@code a + b}: rounding half up is symmetric about zero. */
    public static long subtract(long a, int shiftA, long b, int shiftB, int shift, int precision) {
        return b == NO_LONG ? NO_LONG : add(a, shiftA, -b, shiftB, shift, precision);
    }

    /**
     * The unscaled value moved {@code shift} decimal places: exactly to a larger scale, rounded
     * half up (away from zero) to a smaller one.
     */
    private static long rescale(long unscaled, int shift) {
        if (shift == 0) {
            // the usual case, and a constant in generated code: no multiplication by one
            return unscaled;
        }
        if (unscaled == NO_LONG || shift > LONG_DIGITS || shift < -LONG_DIGITS) {
            return NO_LONG;
        }
        if (shift >= 0) {
            long factor = POWERS_OF_TEN[shift];
            long scaled = unscaled * factor;
            return Math.multiplyHigh(unscaled, factor) == (scaled >> 63) ? scaled : NO_LONG;
        }
        long divisor = POWERS_OF_TEN[-shift];
        long quotient = unscaled / divisor;
        long remainder = unscaled % divisor;
        // divisor is even, so a remainder of at least half of it is a half or more
        if (Math.abs(remainder) >= divisor >> 1) {
            quotient += unscaled < 0 ? -1 : 1;
        }
        return quotient;
    }

    /** The unscaled value if it has at most {@code precision} digits, else {@link #NO_LONG}. */
    private static long fit(long unscaled, int precision) {
        if (precision > LONG_DIGITS || unscaled == NO_LONG) {
            return unscaled;
        }
        long bound = POWERS_OF_TEN[precision];
        return unscaled < bound && unscaled > -bound ? unscaled : NO_LONG;
    }

    /** Rounds to the scale (half up) and fails if the result has more digits than the precision. */
    public static BigDecimal fit(BigDecimal value, int precision, int scale) {
        BigDecimal scaled = value.scale() == scale ? value : value.setScale(scale, RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > precision - scale) {
            throw ArithmeticErrors.outOfRange(value.toPlainString(), "DECIMAL(" + precision + ", " + scale + ")");
        }
        return scaled;
    }

    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor, int scale) {
        if (divisor.signum() == 0) {
            throw ArithmeticErrors.divisionByZero();
        }
        return dividend.divide(divisor, scale, RoundingMode.HALF_UP);
    }

    public static BigDecimal mod(BigDecimal dividend, BigDecimal divisor) {
        if (divisor.signum() == 0) {
            throw ArithmeticErrors.divisionByZero();
        }
        return dividend.remainder(divisor);
    }

    /** Exact conversion to a long, as a cast to BIGINT truncates toward zero. */
    public static long toLong(BigDecimal value) {
        BigDecimal truncated = value.setScale(0, RoundingMode.DOWN);
        if (truncated.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
                || truncated.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            throw ArithmeticErrors.outOfRange(value.toPlainString(), "BIGINT");
        }
        return truncated.longValue();
    }

    public static int toInt(BigDecimal value) {
        long result = toLong(value);
        if (result != (int) result) {
            throw ArithmeticErrors.outOfRange(value.toPlainString(), "INTEGER");
        }
        return (int) result;
    }

    public static BigDecimal floor(BigDecimal value) {
        return value.setScale(0, RoundingMode.FLOOR);
    }

    public static BigDecimal ceil(BigDecimal value) {
        return value.setScale(0, RoundingMode.CEILING);
    }

    public static BigDecimal round(BigDecimal value, int digits) {
        if (digits >= value.scale()) {
            // No digit is dropped: the value as it is (the caller fits it to the result's scale).
            return value;
        }
        // Places left of the first digit: the value rounds to 0 at any of them.
        int firstDigit = value.precision() - value.scale();
        return value.setScale(Math.max(digits, -firstDigit - 1), RoundingMode.HALF_UP);
    }
}
