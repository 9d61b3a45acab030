package io.sluice.runtime.function;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Date and time functions over Sluice's representations: TIMESTAMP as epoch milliseconds of the
 * local date-time, DATE as epoch days, TIME as milliseconds of the day, all without a time zone. Calendar fields are computed
 * with integer arithmetic on the proleptic Gregorian calendar, so generated code calls these
 * per row without allocating.
 *
 * <p>Semantics follow Calcite and Flink: {@code DOW} counts from Sunday = 1, {@code WEEK} is the
 * ISO-8601 week, {@code FLOOR(t TO WEEK)} goes back to the Sunday that starts the week, and
 * {@code MILLISECOND}, {@code MICROSECOND} and {@code NANOSECOND} are the fraction of the second
 * in that unit, as in Flink (Calcite counts the whole seconds field in them: 1234 where Flink
 * has 234).
 */
public final class DateTimeFunctions {
    public static final long MILLIS_PER_SECOND = 1_000L;
    public static final long MILLIS_PER_MINUTE = 60_000L;
    public static final long MILLIS_PER_HOUR = 3_600_000L;
    public static final long MILLIS_PER_DAY = 86_400_000L;

    /** Time units, as generated code names them. */
    public static final int MILLENNIUM = 0;
    public static final int CENTURY = 1;
    public static final int DECADE = 2;
    public static final int YEAR = 3;
    public static final int QUARTER = 4;
    public static final int MONTH = 5;
    public static final int WEEK = 6;
    public static final int DAY = 7;
    public static final int HOUR = 8;
    public static final int MINUTE = 9;
    public static final int SECOND = 10;
    public static final int MILLISECOND = 11;
    public static final int MICROSECOND = 12;
    public static final int DOW = 13;
    public static final int DOY = 14;
    public static final int EPOCH = 15;
    public static final int ISODOW = 16;
    public static final int ISOYEAR = 17;
    public static final int NANOSECOND = 18;

    /** Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar. */
    private static final long EPOCH_SHIFT = 719_468L;
    private static final long DAYS_PER_ERA = 146_097L;

    private DateTimeFunctions() {
    }

    public static LocalDateTime toLocalDateTime(long millis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), Math.floorMod(millis, 1000) * 1_000_000,
                ZoneOffset.UTC);
    }

    public static long toMillis(LocalDateTime dateTime) {
        return dateTime.toEpochSecond(ZoneOffset.UTC) * 1000 + dateTime.getNano() / 1_000_000;
    }

    /** The time of day of a timestamp, in milliseconds: a TIME. */
    public static int timeOfDay(long millis) {
        return (int) Math.floorMod(millis, MILLIS_PER_DAY);
    }

    /** The epoch day of a timestamp (the day it falls on). */
    public static int toDays(long millis) {
        return (int) Math.floorDiv(millis, MILLIS_PER_DAY);
    }

    /** The year of an epoch day. */
    public static int year(long days) {
        long z = days + EPOCH_SHIFT;
        long era = Math.floorDiv(z, DAYS_PER_ERA);
        long dayOfEra = z - era * DAYS_PER_ERA;
        long yearOfEra = yearOfEra(dayOfEra);
        long marchMonth = marchMonth(dayOfEra, yearOfEra);
        return (int) (yearOfEra + era * 400 + (marchMonth >= 10 ? 1 : 0));
    }

    /** The month (1 to 12) of an epoch day. */
    public static int month(long days) {
        long z = days + EPOCH_SHIFT;
        long dayOfEra = z - Math.floorDiv(z, DAYS_PER_ERA) * DAYS_PER_ERA;
        long marchMonth = marchMonth(dayOfEra, yearOfEra(dayOfEra));
        return (int) (marchMonth < 10 ? marchMonth + 3 : marchMonth - 9);
    }

    /** The day of the month (1 to 31) of an epoch day. */
    public static int dayOfMonth(long days) {
        long z = days + EPOCH_SHIFT;
        long dayOfEra = z - Math.floorDiv(z, DAYS_PER_ERA) * DAYS_PER_ERA;
        long yearOfEra = yearOfEra(dayOfEra);
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long marchMonth = (5 * dayOfYear + 2) / 153;
        return (int) (dayOfYear - (153 * marchMonth + 2) / 5 + 1);
    }

    /** The epoch day of a date; the month may be any number, counted on from January of the year. */
    public static int epochDay(long year, long month, long day) {
        long y = year + Math.floorDiv(month - 1, 12);
        long m = Math.floorMod(month - 1, 12) + 1;
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return (int) (era * DAYS_PER_ERA + dayOfEra - EPOCH_SHIFT);
    }

    public static int lengthOfMonth(long year, int month) {
        return switch (month) {
            case 2 -> isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    public static boolean isLeapYear(long year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** EXTRACT(unit FROM timestamp). */
    public static long extract(int unit, long millis) {
        long timeOfDay = Math.floorMod(millis, MILLIS_PER_DAY);
        return switch (unit) {
            case HOUR -> timeOfDay / MILLIS_PER_HOUR;
            case MINUTE -> timeOfDay % MILLIS_PER_HOUR / MILLIS_PER_MINUTE;
            case SECOND -> timeOfDay % MILLIS_PER_MINUTE / MILLIS_PER_SECOND;
            case MILLISECOND -> timeOfDay % MILLIS_PER_SECOND;
            case MICROSECOND -> timeOfDay % MILLIS_PER_SECOND * 1_000L;
            case NANOSECOND -> timeOfDay % MILLIS_PER_SECOND * 1_000_000L;
            case EPOCH -> Math.floorDiv(millis, MILLIS_PER_SECOND);
            default -> extractFromDate(unit, toDays(millis));
        };
    }

    /** EXTRACT(unit FROM date); the time fields of a date are 0. */
    public static long extractFromDate(int unit, int days) {
        return switch (unit) {
            case MILLENNIUM -> (year(days) + 999) / 1000;
            case CENTURY -> (year(days) + 99) / 100;
            case DECADE -> Math.floorDiv(year(days), 10);
            case YEAR -> year(days);
            case QUARTER -> (month(days) + 2) / 3;
            case MONTH -> month(days);
            case WEEK -> isoWeek(days);
            case DAY -> dayOfMonth(days);
            case HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND, NANOSECOND -> 0;
            case DOW -> Math.floorMod(days + 4L, 7) + 1;
            case ISODOW -> Math.floorMod(days + 3L, 7) + 1;
            case DOY -> days - epochDay(year(days), 1, 1) + 1;
            case EPOCH -> days * 86_400L;
            case ISOYEAR -> year(isoThursday(days));
            default -> throw new IllegalArgumentException("unknown time unit " + unit);
        };
    }

    /** FLOOR(timestamp TO unit): the start of the unit that holds the timestamp. */
    public static long floor(long millis, int unit) {
        return switch (unit) {
            case MILLISECOND -> millis;
            case SECOND -> millis - Math.floorMod(millis, MILLIS_PER_SECOND);
            case MINUTE -> millis - Math.floorMod(millis, MILLIS_PER_MINUTE);
            case HOUR -> millis - Math.floorMod(millis, MILLIS_PER_HOUR);
            default -> floorDate(toDays(millis), unit) * MILLIS_PER_DAY;
        };
    }

    /** CEIL(timestamp TO unit): the start of the next unit, unless the timestamp starts one. */
    public static long ceil(long millis, int unit) {
        long floor = floor(millis, unit);
        if (floor == millis) {
            return millis;
        }
        return switch (unit) {
            case SECOND -> floor + MILLIS_PER_SECOND;
            case MINUTE -> floor + MILLIS_PER_MINUTE;
            case HOUR -> floor + MILLIS_PER_HOUR;
            default -> nextStart(toDays(floor), unit) * MILLIS_PER_DAY;
        };
    }

    /** FLOOR(date TO unit). */
    public static int floorDate(int days, int unit) {
        return switch (unit) {
            case DAY, HOUR, MINUTE, SECOND, MILLISECOND -> days;
            case WEEK -> days - Math.floorMod(days + 4L, 7);
            case MONTH -> epochDay(year(days), month(days), 1);
            case QUARTER -> epochDay(year(days), (month(days) - 1) / 3 * 3 + 1, 1);
            case YEAR -> epochDay(year(days), 1, 1);
            case DECADE -> epochDay(Math.floorDiv(year(days), 10) * 10L, 1, 1);
            case CENTURY -> epochDay(Math.floorDiv(year(days) - 1, 100) * 100L + 1, 1, 1);
            case MILLENNIUM -> epochDay(Math.floorDiv(year(days) - 1, 1000) * 1000L + 1, 1, 1);
            default -> throw new IllegalArgumentException("cannot round a date to unit " + unit);
        };
    }

    /** CEIL(date TO unit). */
    public static int ceilDate(int days, int unit) {
        int floor = floorDate(days, unit);
        return floor == days ? days : nextStart(floor, unit);
    }

    /** A timestamp plus a number of months, the day clamped to the end of a shorter month. */
    public static long addMonths(long millis, int months) {
        int days = toDays(millis);
        return addMonthsToDate(days, months) * MILLIS_PER_DAY + (millis - days * MILLIS_PER_DAY);
    }

    /** A date plus a number of months, the day clamped to the end of a shorter month. */
    public static int addMonthsToDate(int days, int months) {
        int year = year(days);
        long month = month(days) + (long) months;
        long targetYear = year + Math.floorDiv(month - 1, 12);
        int targetMonth = Math.floorMod(month - 1, 12) + 1;
        int day = Math.min(dayOfMonth(days), lengthOfMonth(targetYear, targetMonth));
        return epochDay(targetYear, targetMonth, day);
    }

    /**
     * The months from {@code fromMillis} to {@code toMillis}, for timestamp differences as
     * YEAR TO MONTH intervals and {@code TIMESTAMPDIFF(MONTH | QUARTER | YEAR, …)}, as Flink counts
     * them: the most months that, added to the earlier date (the day clamped to the end of a
     * shorter month), do not pass the later one; from January 31 to February 29 is one month. When
     * they reach the later date exactly, the time of day decides. Backwards in time the count is
     * the forward count negated (Flink's own code differs there when the times of day differ, and
     * would count 2 hours back as -1 month).
     */
    public static int monthsBetween(long fromMillis, long toMillis) {
        if (toMillis < fromMillis) {
            return -monthsBetween(toMillis, fromMillis);
        }
        int fromDays = toDays(fromMillis);
        int toDays = toDays(toMillis);
        // The difference of the month numbers, less one when adding it to the earlier date goes
        // past the later one, or reaches its day before its time of day.
        int months = (year(toDays) - year(fromDays)) * 12 + month(toDays) - month(fromDays);
        int reached = addMonthsToDate(fromDays, months);
        boolean past = reached > toDays
                || reached == toDays && toMillis - toDays * MILLIS_PER_DAY < fromMillis - fromDays * MILLIS_PER_DAY;
        return past ? months - 1 : months;
    }

    /** The ISO-8601 week (1 to 53) of an epoch day. */
    private static int isoWeek(int days) {
        int thursday = isoThursday(days);
        return (thursday - epochDay(year(thursday), 1, 1)) / 7 + 1;
    }

    /** The Thursday of the ISO week (Monday to Sunday) that holds the day; it decides the week's year. */
    private static int isoThursday(int days) {
        return days - Math.floorMod(days + 3L, 7) + 3;
    }

    private static int nextStart(int floor, int unit) {
        return switch (unit) {
            case DAY -> floor + 1;
            case WEEK -> floor + 7;
            case MONTH -> addMonthsToDate(floor, 1);
            case QUARTER -> addMonthsToDate(floor, 3);
            case YEAR -> addMonthsToDate(floor, 12);
            case DECADE -> addMonthsToDate(floor, 120);
            case CENTURY -> addMonthsToDate(floor, 1200);
            case MILLENNIUM -> addMonthsToDate(floor, 12000);
            default -> throw new IllegalArgumentException("cannot round a date to unit " + unit);
        };
    }

    private static long yearOfEra(long dayOfEra) {
        return (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    }

    /** The month counted from March = 0, as the era arithmetic has it. */
    private static long marchMonth(long dayOfEra, long yearOfEra) {
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        return (5 * dayOfYear + 2) / 153;
    }
}
