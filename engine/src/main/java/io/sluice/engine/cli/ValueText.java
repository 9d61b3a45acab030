package io.sluice.engine.cli;

import io.sluice.engine.result.ResultColumn;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;

/**
 * Values of result rows as text, the same in every output format: timestamps and times with as
 * many digits of the second's fraction as their column's precision ({@code TIMESTAMP(3)}:
 * {@code 2024-01-01 00:00:00.000}, {@code TIME(0)}: {@code 12:34:56}, as Flink shows them), dates
 * as {@code yyyy-MM-dd}, decimals without exponent, intervals in Flink's notation
 * ({@code +0 00:00:04.000}, {@code +1-02}).
 */
final class ValueText {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final int NANO_DIGITS = 9;

    private ValueText() {
    }

    /** The text of a value that is not null, of a column of the given type. */
    static String format(Object value, ResultColumn column) {
        if (value instanceof LocalDateTime timestamp) {
            return TIMESTAMP.format(timestamp) + fraction(timestamp.getNano(), column.precision());
        }
        if (value instanceof LocalTime time) {
            return TIME.format(time) + fraction(time.getNano(), column.precision());
        }
        if (value instanceof LocalDate date) {
            return DATE.format(date);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Duration duration) {
            return dayTime(duration);
        }
        if (value instanceof Period period) {
            return yearMonth(period);
        }
        return value.toString();
    }

    /** The second's fraction to {@code digits} places, with its point; nothing for 0 places. */
    private static String fraction(int nanos, int digits) {
        if (digits <= 0) {
            return "";
        }
        String padded = String.valueOf(1_000_000_000L + nanos).substring(1);
        return "." + padded.substring(0, Math.min(digits, NANO_DIGITS));
    }

    private static String dayTime(Duration duration) {
        Duration length = duration.abs();
        return String.format("%s%d %02d:%02d:%02d.%03d", duration.isNegative() ? "-" : "+", length.toDays(),
                length.toHoursPart(), length.toMinutesPart(), length.toSecondsPart(), length.toMillisPart());
    }

    private static String yearMonth(Period period) {
        long months = period.toTotalMonths();
        long length = Math.abs(months);
        return String.format("%s%d-%02d", months < 0 ? "-" : "+", length / 12, length % 12);
    }
}
