package io.sluice.runtime.function;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** DECIMAL arithmetic with SQL's fixed precision and scale. */
public final class Decimals {
    private Decimals() {
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
        return value.setScale(digits, RoundingMode.HALF_UP);
    }
}
