package io.sluice.runtime.format.text;

import java.nio.charset.StandardCharsets;

/**
 * Reads DATE, TIME and TIMESTAMP values from UTF-8 text, with blanks around it ignored. Dates are
 * {@code yyyy-MM-dd}; times {@code HH:mm:ss} with an optional fraction of 1 to 9 digits,
 * truncated to milliseconds; timestamps a date and a time after a space (or a {@code T} in the
 * ISO-8601 form). Every
 * field is range-checked against the proleptic Gregorian calendar, so {@code 2026-02-30} and
 * {@code 24:00:00} are rejected rather than rolled over.
 */
public final class DateTimeParser {
    private static final String DATE_PATTERN = "yyyy-MM-dd";
    private static final int DATE_LENGTH = 10;
    private static final int TIMESTAMP_LENGTH = 19;
    private static final int TIME_LENGTH = 8;
    private static final String TIME_PATTERN = "HH:mm:ss[.SSS]";
    private static final int MAX_FRACTION_DIGITS = 9;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private DateTimeParser() {
    }

    /**
     * Days since 1970-01-01.
     *
     * @throws MalformedValueException if the text is not a valid date
     */
    public static int parseDate(byte[] bytes, int offset, int length) {
        int from = Blanks.skipLeading(bytes, offset, offset + length);
        int to = Blanks.skipTrailing(bytes, from, offset + length);
        if (to - from != DATE_LENGTH) {
            throw notValid("DATE", DATE_PATTERN);
        }
        return (int) date(bytes, from, "DATE", DATE_PATTERN);
    }

    /**
     * Milliseconds of the day.
     *
     * @throws MalformedValueException if the text is not a valid time
     */
    public static int parseTime(byte[] bytes, int offset, int length) {
        int from = Blanks.skipLeading(bytes, offset, offset + length);
        int to = Blanks.skipTrailing(bytes, from, offset + length);
        if (to - from < TIME_LENGTH) {
            throw notValid("TIME", TIME_PATTERN);
        }
        return timeOfDay(bytes, from, to, "TIME", TIME_PATTERN);
    }

    /**
     * Milliseconds since the epoch of the local date-time.
     *
     * @throws MalformedValueException if the text is not a valid timestamp in the given format
     */
    public static long parseTimestamp(byte[] bytes, int offset, int length, TimestampFormat format) {
        int from = Blanks.skipLeading(bytes, offset, offset + length);
        int to = Blanks.skipTrailing(bytes, from, offset + length);
        if (to - from < TIMESTAMP_LENGTH) {
            throw notValid("TIMESTAMP", format.pattern());
        }
        long days = date(bytes, from, "TIMESTAMP", format.pattern());
        byte separator = bytes[from + 10];
        if (separator != ' ' && (separator != 'T' || format != TimestampFormat.ISO_8601)) {
            throw notValid("TIMESTAMP", format.pattern());
        }
        return days * MILLIS_PER_DAY + timeOfDay(bytes, from + 11, to, "TIMESTAMP", format.pattern());
    }

    /** The time {@code HH:mm:ss[.fraction]} in {@code [from, to)} (at least 8 bytes), as milliseconds of the day. */
    private static int timeOfDay(byte[] bytes, int from, int to, String type, String pattern) {
        int hour = twoDigits(bytes, from);
        int minute = twoDigits(bytes, from + 3);
        int second = twoDigits(bytes, from + 6);
        if (bytes[from + 2] != ':' || bytes[from + 5] != ':' || (hour | minute | second) < 0) {
            throw notValid(type, pattern);
        }
        int millis = 0;
        int i = from + TIME_LENGTH;
        if (i < to) {
            int fractionDigits = to - i - 1;
            if (bytes[i] != '.' || fractionDigits < 1 || fractionDigits > MAX_FRACTION_DIGITS) {
                throw notValid(type, pattern);
            }
            int weight = 100;
            for (i++; i < to; i++) {
                int digit = bytes[i] - '0';
                if (digit < 0 || digit > 9) {
                    throw notValid(type, pattern);
                }
                millis += digit * weight;
                weight /= 10;
            }
        }
        if (hour > 23) {
            throw outOfRange(type, "hour " + hour);
        }
        if (minute > 59) {
            throw outOfRange(type, "minute " + minute);
        }
        if (second > 59) {
            throw outOfRange(type, "second " + second);
        }
        return hour * 3_600_000 + minute * 60_000 + second * 1_000 + millis;
    }

    /** The date {@code yyyy-MM-dd} at {@code from} (at least 10 bytes), as days since the epoch. */
    private static long date(byte[] bytes, int from, String type, String pattern) {
        int century = twoDigits(bytes, from);
        int yearOfCentury = twoDigits(bytes, from + 2);
        int month = twoDigits(bytes, from + 5);
        int day = twoDigits(bytes, from + 8);
        if (bytes[from + 4] != '-' || bytes[from + 7] != '-' || (century | yearOfCentury | month | day) < 0) {
            throw notValid(type, pattern);
        }
        int year = century * 100 + yearOfCentury;
        if (month < 1 || month > 12) {
            throw outOfRange(type, "month " + month);
        }
        if (day < 1 || day > EpochDays.daysInMonth(year, month)) {
            throw outOfRange(type, "day " + day + " of " + new String(bytes, from, 7, StandardCharsets.US_ASCII));
        }
        return EpochDays.fromCivil(year, month, day);
    }

    /** The number in two ASCII digits, or -1 if they are not both digits. */
    private static int twoDigits(byte[] bytes, int at) {
        int tens = bytes[at] - '0';
        int ones = bytes[at + 1] - '0';
        if (tens < 0 || tens > 9 || ones < 0 || ones > 9) {
            return -1;
        }
        return tens * 10 + ones;
    }

    private static MalformedValueException notValid(String type, String pattern) {
        return new MalformedValueException("is not a valid " + type + " (" + pattern + ")");
    }

    private static MalformedValueException outOfRange(String type, String field) {
        return new MalformedValueException("is not a valid " + type + ": " + field + " is out of range");
    }
}
