package io.sluice.runtime.function;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/** CAST between strings and other types; a string that does not fit fails with SQLState 22018. */
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
    private static final DateTimeFormatter TIMESTAMP_OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    private Casts() {
    }

    public static int toInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw invalid(s, "INTEGER");
        }
    }

    public static long toLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw invalid(s, "BIGINT");
        }
    }

    public static double toDouble(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw invalid(s, "DOUBLE");
        }
    }

    public static BigDecimal toDecimal(String s, int precision, int scale) {
        try {
            return Decimals.fit(new BigDecimal(s.trim()), precision, scale);
        } catch (NumberFormatException e) {
            throw invalid(s, "DECIMAL(" + precision + ", " + scale + ")");
        }
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

    public static int toDate(String s) {
        try {
            return (int) LocalDate.parse(s.trim()).toEpochDay();
        } catch (DateTimeParseException e) {
            throw invalid(s, "DATE");
        }
    }

    public static String fromTimestamp(long millis) {
        return TIMESTAMP_OUT.format(DateTimeFunctions.toLocalDateTime(millis));
    }

    public static String fromDate(int days) {
        return LocalDate.ofEpochDay(days).toString();
    }

    public static String fromDouble(double value) {
        return Double.toString(value);
    }

    public static String fromDecimal(BigDecimal value) {
        return value.toPlainString();
    }

    public static int narrowToInt(long value) {
        if (value != (int) value) {
            throw ArithmeticErrors.outOfRange(value, "INTEGER");
        }
        return (int) value;
    }

    private static SluiceException invalid(String value, String type) {
        return new SluiceException(ErrorCode.INVALID_CAST, "cannot cast '" + value + "' to " + type);
    }
}
