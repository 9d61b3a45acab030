package io.sluice.runtime.function;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;

/**
 * Date and time functions over Sluice's representations: TIMESTAMP as epoch milliseconds of the
 * local date-time and DATE as epoch days, both without a time zone.
 */
public final class DateTimeFunctions {
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

    private DateTimeFunctions() {
    }

    public static LocalDateTime toLocalDateTime(long millis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000,
                ZoneOffset.UTC);
    }

    public static long toMillis(LocalDateTime dateTime) {
        return dateTime.toEpochSecond(ZoneOffset.UTC) * 1000 + dateTime.getNano() / 1_000_000;
    }

    /** EXTRACT(unit FROM timestamp). */
    public static long extract(int unit, long millis) {
        LocalDateTime t = toLocalDateTime(millis);
        return switch (unit) {
            case MILLENNIUM -> (t.getYear() + 999) / 1000;
            case CENTURY -> (t.getYear() + 99) / 100;
            case DECADE -> Math.floorDiv(t.getYear(), 10);
            case YEAR -> t.getYear();
            case QUARTER -> (t.getMonthValue() + 2) / 3;
            case MONTH -> t.getMonthValue();
            case WEEK -> t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case DAY -> t.getDayOfMonth();
            case HOUR -> t.getHour();
            case MINUTE -> t.getMinute();
            case SECOND -> t.getSecond();
            case MILLISECOND -> t.getSecond() * 1000L + t.getNano() / 1_000_000;
            case MICROSECOND -> t.getSecond() * 1_000_000L + t.getNano() / 1_000;
            case DOW -> t.getDayOfWeek().getValue() % 7 + 1;
            case ISODOW -> t.getDayOfWeek().getValue();
            case DOY -> t.getDayOfYear();
            case EPOCH -> Math.floorDiv(millis, 1000);
            case ISOYEAR -> t.get(IsoFields.WEEK_BASED_YEAR);
            default -> throw new IllegalArgumentException("unknown time unit " + unit);
        };
    }

    /** EXTRACT(unit FROM date). */
    public static long extractFromDate(int unit, int days) {
        return extract(unit, days * MILLIS_PER_DAY);
    }

    /** FLOOR(timestamp TO unit): the start of the unit that holds the timestamp. */
    public static long floor(long millis, int unit) {
        return switch (unit) {
            case MILLISECOND -> millis;
            case SECOND -> millis - Math.floorMod(millis, 1000L);
            case MINUTE -> millis - Math.floorMod(millis, 60_000L);
            case HOUR -> millis - Math.floorMod(millis, 3_600_000L);
            case DAY -> millis - Math.floorMod(millis, MILLIS_PER_DAY);
            default -> toMillis(floorDate(toLocalDateTime(millis).toLocalDate(), unit).atStartOfDay());
        };
    }

    /** CEIL(timestamp TO unit): the start of the next unit, unless the timestamp starts one. */
    public static long ceil(long millis, int unit) {
        long floor = floor(millis, unit);
        if (floor == millis) {
            return millis;
        }
        return switch (unit) {
            case SECOND -> floor + 1000L;
            case MINUTE -> floor + 60_000L;
            case HOUR -> floor + 3_600_000L;
            case DAY -> floor + MILLIS_PER_DAY;
            case WEEK -> floor + 7 * MILLIS_PER_DAY;
            default -> toMillis(nextStart(toLocalDateTime(floor).toLocalDate(), unit).atStartOfDay());
        };
    }

    public static int floorDate(int days, int unit) {
        return (int) floorDate(LocalDate.ofEpochDay(days), unit).toEpochDay();
    }

    public static int ceilDate(int days, int unit) {
        LocalDate date = LocalDate.ofEpochDay(days);
        LocalDate floor = floorDate(date, unit);
        return (int) (floor.equals(date) ? date : nextStart(floor, unit)).toEpochDay();
    }

    public static long addMonths(long millis, int months) {
        return toMillis(toLocalDateTime(millis).plusMonths(months));
    }

    public static int addMonthsToDate(int days, int months) {
        return (int) LocalDate.ofEpochDay(days).plusMonths(months).toEpochDay();
    }

    /** The whole months from {@code from} to {@code to}, for timestamp differences as YEAR TO MONTH intervals. */
    public static int monthsBetween(long fromMillis, long toMillis) {
        return (int) ChronoUnit.MONTHS.between(toLocalDateTime(fromMillis), toLocalDateTime(toMillis));
    }

    private static LocalDate floorDate(LocalDate date, int unit) {
        return switch (unit) {
            case DAY -> date;
            case WEEK -> date.minusDays(date.getDayOfWeek().getValue() - 1L);
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEAR -> LocalDate.of(date.getYear(), 1, 1);
            case DECADE -> LocalDate.of(Math.floorDiv(date.getYear(), 10) * 10, 1, 1);
            case CENTURY -> LocalDate.of(Math.floorDiv(date.getYear() - 1, 100) * 100 + 1, 1, 1);
            case MILLENNIUM -> LocalDate.of(Math.floorDiv(date.getYear() - 1, 1000) * 1000 + 1, 1, 1);
            default -> throw new IllegalArgumentException("cannot round a date to unit " + unit);
        };
    }

    private static LocalDate nextStart(LocalDate floor, int unit) {
        return switch (unit) {
            case DAY -> floor.plusDays(1);
            case WEEK -> floor.plusWeeks(1);
            case MONTH -> floor.plusMonths(1);
            case QUARTER -> floor.plusMonths(3);
            case YEAR -> floor.plusYears(1);
            case DECADE -> floor.plusYears(10);
            case CENTURY -> floor.plusYears(100);
            case MILLENNIUM -> floor.plusYears(1000);
            default -> throw new IllegalArgumentException("cannot round a date to unit " + unit);
        };
    }
}
