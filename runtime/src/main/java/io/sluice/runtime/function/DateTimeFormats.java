package io.sluice.runtime.function;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Flink's functions between times and text with a format: {@code DATE_FORMAT, TO_TIMESTAMP,
 * TO_DATE, UNIX_TIMESTAMP, FROM_UNIXTIME, CONVERT_TZ}. Formats are Java's date-time patterns
 * ({@code yyyy-MM-dd HH:mm:ss.SSS}), which for the usual letters read and write as Flink's
 * SimpleDateFormat patterns do. Sluice's session time zone is UTC, so an epoch second is read and
 * written as a UTC date-time. Text that does not fit its format gives NULL, except that
 * UNIX_TIMESTAMP gives Long.MIN_VALUE, as Flink's does.
 */
public final class DateTimeFormats {
    /** Stands for NULL where a function's value is a primitive: a timestamp or a count of days no value has. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;
    public static final int NO_DATE = Integer.MIN_VALUE;
    public static final String DEFAULT_TIMESTAMP_FORMAT = "yyyy-MM-dd HH:mm:ss";
    public static final String DEFAULT_DATE_FORMAT = "yyyy-MM-dd";

    private static final int CACHE_SIZE = 64;
    private static final Map<String, DateTimeFormatter> CACHE = new ConcurrentHashMap<>();

    private DateTimeFormats() {
    }

    /** The formatter of a pattern, or null when the pattern is not valid. */
    public static DateTimeFormatter formatter(String pattern) {
        DateTimeFormatter formatter = CACHE.get(pattern);
        if (formatter == null) {
            try {
                formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (CACHE.size() >= CACHE_SIZE) {
                CACHE.clear();
            }
            CACHE.put(pattern, formatter);
        }
        return formatter;
    }

    /** DATE_FORMAT(timestamp, format): the timestamp written in the format; null for an invalid format. */
    public static String format(long millis, String pattern) {
        DateTimeFormatter formatter = formatter(pattern);
        if (formatter == null) {
            return null;
        }
        try {
            return formatter.format(DateTimeFunctions.toLocalDateTime(millis));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** DATE_FORMAT(text, format): the text read as a timestamp ({@code yyyy-MM-dd HH:mm:ss[.fff]}), then written. */
    public static String format(String text, String pattern) {
        long millis = parseTimestamp(text);
        return millis == NO_TIMESTAMP ? null : format(millis, pattern);
    }

    /**
     * TO_TIMESTAMP(text): the text read as {@code yyyy-MM-dd HH:mm:ss} with an optional fraction
     * (or as a date, at midnight), or NO_TIMESTAMP.
     */
    public static long parseTimestamp(String text) {
        try {
            return Casts.toTimestamp(text);
        } catch (RuntimeException e) {
            int days = parseDate(text);
            return days == NO_DATE ? NO_TIMESTAMP : days * DateTimeFunctions.MILLIS_PER_DAY;
        }
    }

    /** TO_TIMESTAMP(text, format): the text read in the format, missing fields taken as their least, or NO_TIMESTAMP. */
    public static long parseTimestamp(String text, String pattern) {
        LocalDateTime dateTime = localDateTime(text, pattern);
        return dateTime == null ? NO_TIMESTAMP : DateTimeFunctions.toMillis(dateTime);
    }

    /** TO_DATE(text): the text read as {@code yyyy-MM-dd}, or NO_DATE. */
    public static int parseDate(String text) {
        try {
            return Casts.toDate(text);
        } catch (RuntimeException e) {
            return NO_DATE;
        }
    }

    /** TO_DATE(text, format): the date of the text read in the format, or NO_DATE. */
    public static int parseDate(String text, String pattern) {
        LocalDateTime dateTime = localDateTime(text, pattern);
        return dateTime == null ? NO_DATE : (int) dateTime.toLocalDate().toEpochDay();
    }

    /**
     * UNIX_TIMESTAMP(text, format): the epoch second of the date-time (in UTC, unless the text
     * carries an offset the format reads), or Long.MIN_VALUE when it does not fit the format.
     */
    public static long unixTimestamp(String text, String pattern) {
        DateTimeFormatter formatter = formatter(pattern);
        if (formatter == null) {
            return Long.MIN_VALUE;
        }
        try {
            TemporalAccessor parsed = formatter.parse(text.trim());
            LocalDateTime dateTime = toLocalDateTime(parsed);
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
                    : ZoneOffset.UTC;
            return dateTime.toEpochSecond(offset);
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    /** FROM_UNIXTIME(seconds, format): the UTC date-time of an epoch second in the format; null for an invalid format. */
    public static String fromUnixtime(long seconds, String pattern) {
        return format(Math.multiplyExact(seconds, DateTimeFunctions.MILLIS_PER_SECOND), pattern);
    }

    /**
     * CONVERT_TZ(text, from, to): the date-time {@code yyyy-MM-dd HH:mm:ss} in time zone
     * {@code from} written as the same instant in {@code to}; null for text or a zone that is not
     * valid.
     */
    public static String convertTimeZone(String text, String from, String to) {
        long millis = parseTimestamp(text);
        if (millis == NO_TIMESTAMP) {
            return null;
        }
        try {
            ZonedDateTime source = DateTimeFunctions.toLocalDateTime(millis).atZone(ZoneId.of(from, ZoneId.SHORT_IDS));
            LocalDateTime target = source.withZoneSameInstant(ZoneId.of(to, ZoneId.SHORT_IDS)).toLocalDateTime();
            return formatter(DEFAULT_TIMESTAMP_FORMAT).format(target);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LocalDateTime localDateTime(String text, String pattern) {
        DateTimeFormatter formatter = formatter(pattern);
        if (formatter == null) {
            return null;
        }
        try {
            return toLocalDateTime(formatter.parse(text.trim()));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The date and time a parse found, a field the format lacks taken as its least (1970-01-01 00:00:00). */
    private static LocalDateTime toLocalDateTime(TemporalAccessor parsed) {
        LocalDate date = parsed.isSupported(ChronoField.EPOCH_DAY) ? LocalDate.from(parsed)
                : LocalDate.of(field(parsed, ChronoField.YEAR, 1970), field(parsed, ChronoField.MONTH_OF_YEAR, 1),
                        field(parsed, ChronoField.DAY_OF_MONTH, 1));
        LocalTime time = parsed.isSupported(ChronoField.NANO_OF_DAY) ? LocalTime.from(parsed)
                : LocalTime.of(field(parsed, ChronoField.HOUR_OF_DAY, 0), field(parsed, ChronoField.MINUTE_OF_HOUR, 0),
                        field(parsed, ChronoField.SECOND_OF_MINUTE, 0), field(parsed, ChronoField.NANO_OF_SECOND, 0));
        return LocalDateTime.of(date, time);
    }

    private static int field(TemporalAccessor parsed, ChronoField field, int absent) {
        return parsed.isSupported(field) ? parsed.get(field) : absent;
    }
}
