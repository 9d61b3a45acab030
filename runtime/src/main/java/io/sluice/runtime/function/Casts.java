package io.sluice.runtime.function;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * CAST between types whose conversion is more than a Java cast: strings to and from every type
 * (a string that is not a value of the type fails with SQLState 22018), and numbers into a
 * narrower type (a value out of its range fails with SQLState 22003).
 */
public final class Casts {
    /** {@code yyyy-MM-dd HH:mm:ss[.fraction]}, and the same with {@code T}, as Flink accepts. */
    private static final DateTimeFormatter TIMESTAMP_IN = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .toFormatter(Locale.ROOT);
    /** {@code HH:mm[:ss[.fraction]]}, as Flink accepts a TIME. */
    private static final DateTimeFormatter TIME_IN = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIMESTAMP_OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);
    /** The length of {@code yyyy-MM-dd HH:mm:ss}: a timestamp's text without its fraction. */
    private static final int SECONDS_LENGTH = 19;
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private Casts() {
    }

    public static int toInt(String s) {
        return (int) toInteger(s, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER");
    }

    public static long toLong(String s) {
        return toInteger(s, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
    }

    /**
     * A string as an integer of a type whose range is {@code [min, max]}: an integer outside the
     * range fails with 22003, anything else that is not an integer with 22018.
     */
    public static long toInteger(String s, long min, long max, String type) {
        String trimmed = s.trim();
        long value;
        try {
            value = Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            if (INTEGER.matcher(trimmed).matches()) {
                throw ArithmeticErrors.outOfRange(trimmed, type);
            }
            throw invalid(s, type);
        }
        return narrow(value, min, max, type);
    }

    public static double toDouble(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw invalid(s, "DOUBLE");
        }
    }

    public static BigDecimal toDecimal(String s, int precision, int scale) {
        BigDecimal value;
        try {
            value = new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw invalid(s, "DECIMAL(" + precision + ", " + scale + ")");
        }
        return Decimals.fit(value, precision, scale);
    }

    public static boolean toBoolean(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "t", "yes", "y", "1" -> true;
            case "false", "f", "no", "n", "0" -> false;
            default -> throw invalid(s, "BOOLEAN");
        };
    }

    public static long toTimestamp(String s) {
        try {
            return DateTimeFunctions.toMillis(LocalDateTime.parse(s.trim(), TIMESTAMP_IN));
        } catch (DateTimeParseException e) {
            throw invalid(s, "TIMESTAMP");
        }
    }

    /** A time of day as its milliseconds; digits of the fraction beyond milliseconds are dropped. */
    public static int toTime(String s) {
        try {
            return (int) (LocalTime.parse(s.trim(), TIME_IN).toNanoOfDay() / 1_000_000L);
        } catch (DateTimeParseException e) {
            throw invalid(s, "TIME");
        }
    }

    public static int toDate(String s) {
        try {
            return (int) LocalDate.parse(s.trim()).toEpochDay();
        } catch (DateTimeParseException e) {
            throw invalid(s, "DATE");
        }
    }

    /**
     * A timestamp as {@code yyyy-MM-dd HH:mm:ss} with as many fraction digits as the precision;
     * digits beyond the milliseconds the timestamp holds are 0.
     */
    public static String fromTimestamp(long millis, int precision) {
        String text = TIMESTAMP_OUT.format(DateTimeFunctions.toLocalDateTime(millis));
        if (precision <= 0) {
            return text.substring(0, SECONDS_LENGTH);
        }
        return precision <= 3 ? text.substring(0, SECONDS_LENGTH + 1 + precision)
                : text + "0".repeat(Math.min(precision, 9) - 3);
    }

    /** A time of day as {@code HH:mm:ss} with as many fraction digits as the precision. */
    public static String fromTime(int millisOfDay, int precision) {
        String text = fromTimestamp(millisOfDay, precision);
        return text.substring(text.indexOf(' ') + 1);
    }

    public static String fromDate(int days) {
        return LocalDate.ofEpochDay(days).toString();
    }

    public static String fromDouble(double value) {
        return Double.toString(value);
    }

    public static String fromFloat(float value) {
        return Float.toString(value);
    }

    public static String fromDecimal(BigDecimal value) {
        return value.toPlainString();
    }

    /** A day-time interval as Flink writes it: {@code +d hh:mm:ss.fff}. */
    public static String fromIntervalDayTime(long millis) {
        long magnitude = Math.abs(millis);
        long days = magnitude / DateTimeFunctions.MILLIS_PER_DAY;
        long rest = magnitude % DateTimeFunctions.MILLIS_PER_DAY;
        return String.format(Locale.ROOT, "%s%d %02d:%02d:%02d.%03d", millis < 0 ? "-" : "+", days,
                rest / DateTimeFunctions.MILLIS_PER_HOUR, rest % DateTimeFunctions.MILLIS_PER_HOUR
                        / DateTimeFunctions.MILLIS_PER_MINUTE,
                rest % DateTimeFunctions.MILLIS_PER_MINUTE / DateTimeFunctions.MILLIS_PER_SECOND,
                rest % DateTimeFunctions.MILLIS_PER_SECOND);
    }

    /** A year-month interval as Flink writes it: {@code +y-mm}. */
    public static String fromIntervalYearMonth(int months) {
        long magnitude = Math.abs((long) months);
        return String.format(Locale.ROOT, "%s%d-%02d", months < 0 ? "-" : "+", magnitude / 12, magnitude % 12);
    }

    /** An integer into a narrower integer type, whose range is {@code [min, max]}. */
    public static long narrow(long value, long min, long max, String type) {
        if (value < min || value > max) {
            throw ArithmeticErrors.outOfRange(value, type);
        }
        return value;
    }

    /** A floating-point number truncated toward zero into an integer type, whose range is {@code [min, max]}. */
    public static long truncate(double value, long min, long max, String type) {
        // Compared as doubles: the bounds of BIGINT round to 2^63 and -2^63, and a double equal
        // to 2^63 is already out of range.
        double truncated = value < 0 ? Math.ceil(value) : Math.floor(value);
        if (Double.isNaN(value) || truncated < (double) min || truncated >= (double) max + 1d) {
            throw ArithmeticErrors.outOfRange(fromDouble(value), type);
        }
        return (long) truncated;
    }

    public static BigDecimal doubleToDecimal(double value, int precision, int scale) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw ArithmeticErrors.outOfRange(fromDouble(value), "DECIMAL(" + precision + ", " + scale + ")");
        }
        return Decimals.fit(BigDecimal.valueOf(value), precision, scale);
    }

    private static SluiceException invalid(String value, String type) {
        return new SluiceException(ErrorCode.INVALID_CAST, "cannot cast '" + value + "' to " + type);
    }
}
