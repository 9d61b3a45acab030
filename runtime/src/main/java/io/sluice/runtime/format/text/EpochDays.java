package io.sluice.runtime.format.text;

/**
 * Conversions between proleptic Gregorian dates and days since 1970-01-01, by whole 400-year
 * eras of 146097 days (a date's March-based year puts February's leap day at the end of it).
 */
final class EpochDays {
    private static final int DAYS_PER_ERA = 146_097;
    /** Days from 0000-03-01, where the eras start, to 1970-01-01. */
    private static final int EPOCH_OFFSET = 719_468;

    private EpochDays() {
    }

    static boolean isLeapYear(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since the epoch of a valid date. */
    static long fromCivil(int year, int month, int day) {
        int marchYear = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(marchYear, 400);
        int yearOfEra = marchYear - era * 400;
        int marchMonth = month <= 2 ? month + 9 : month - 3;
        int dayOfYear = (153 * marchMonth + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return (long) era * DAYS_PER_ERA + dayOfEra - EPOCH_OFFSET;
    }

    /** The date of a day since the epoch, packed as {@code year << 16 | month << 8 | day}; see {@link #year}. */
    static long toCivil(long epochDay) {
        long shifted = epochDay + EPOCH_OFFSET;
        long era = Math.floorDiv(shifted, DAYS_PER_ERA);
        int dayOfEra = (int) (shifted - era * DAYS_PER_ERA);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int marchMonth = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * marchMonth + 2) / 5 + 1;
        int month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
        long year = era * 400 + yearOfEra + (month <= 2 ? 1 : 0);
        return year << 16 | month << 8 | day;
    }

    static long year(long civil) {
        return civil >> 16;
    }

    static int month(long civil) {
        return (int) (civil >> 8) & 0xFF;
    }

    static int day(long civil) {
        return (int) civil & 0xFF;
    }
}
