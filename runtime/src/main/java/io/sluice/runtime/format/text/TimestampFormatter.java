package io.sluice.runtime.format.text;

/**
 * Writes TIMESTAMP, DATE and TIME values the way Sluice prints them: {@code yyyy-MM-dd HH:mm:ss.SSS},
 * {@code yyyy-MM-dd} and {@code HH:mm:ss.SSS}, the inverse of {@link DateTimeParser} for years 0 to 9999 (other years
 * print with a sign or more digits).
 */
public final class TimestampFormatter {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private TimestampFormatter() {
    }

    /** Milliseconds since the epoch of a local date-time, as {@code yyyy-MM-dd HH:mm:ss.SSS}. */
    public static String format(long millis) {
        return appendTimestamp(new StringBuilder(23), millis).toString();
    }

    /** Days since the epoch as {@code yyyy-MM-dd}. */
    public static String formatDate(long epochDay) {
        return appendDate(new StringBuilder(10), epochDay).toString();
    }

    public static StringBuilder appendTimestamp(StringBuilder out, long millis) {
        long epochDay = Math.floorDiv(millis, MILLIS_PER_DAY);
        int millisOfDay = (int) Math.floorMod(millis, MILLIS_PER_DAY);
        return appendTime(appendDate(out, epochDay).append(' '), millisOfDay);
    }

    /** Milliseconds of the day as {@code HH:mm:ss.SSS}. */
    public static StringBuilder appendTime(StringBuilder out, int millisOfDay) {
        appendPadded(out, millisOfDay / 3_600_000, 2).append(':');
        appendPadded(out, millisOfDay / 60_000 % 60, 2).append(':');
        appendPadded(out, millisOfDay / 1_000 % 60, 2).append('.');
        return appendPadded(out, millisOfDay % 1_000, 3);
    }

    public static StringBuilder appendDate(StringBuilder out, long epochDay) {
        long civil = EpochDays.toCivil(epochDay);
        long year = EpochDays.year(civil);
        if (year < 0) {
            out.append('-');
            year = -year;
        }
        appendPadded(out, year, 4).append('-');
        appendPadded(out, EpochDays.month(civil), 2).append('-');
        return appendPadded(out, EpochDays.day(civil), 2);
    }

    /** Appends a non-negative value with leading zeros up to {@code width} digits. */
    private static StringBuilder appendPadded(StringBuilder out, long value, int width) {
        long threshold = 1;
        for (int i = 1; i < width; i++) {
            threshold *= 10;
        }
        for (; threshold > 1 && value < threshold; threshold /= 10) {
            out.append('0');
        }
        return out.append(value);
    }
}
