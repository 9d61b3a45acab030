package io.sluice.engine.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;

/**
 * Values of result rows as text, the same in every output format: timestamps with milliseconds,
 * dates as {@code yyyy-MM-dd}, decimals without exponent, intervals in Flink's notation
 * ({@code +0 00:00:04.000}, {@code +1-02}).
 */
final class ValueText {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");

    private ValueText() {
    }

    /** The text of a value that is not null. */
    static String format(Object value) {
        if (value instanceof LocalDateTime timestamp) {
            return TIMESTAMP.format(timestamp);
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
