package io.sluice.runtime.function;

import static io.sluice.runtime.function.DateTimeFunctions.CENTURY;
import static io.sluice.runtime.function.DateTimeFunctions.DAY;
import static io.sluice.runtime.function.DateTimeFunctions.DECADE;
import static io.sluice.runtime.function.DateTimeFunctions.DOW;
import static io.sluice.runtime.function.DateTimeFunctions.DOY;
import static io.sluice.runtime.function.DateTimeFunctions.EPOCH;
import static io.sluice.runtime.function.DateTimeFunctions.HOUR;
import static io.sluice.runtime.function.DateTimeFunctions.ISODOW;
import static io.sluice.runtime.function.DateTimeFunctions.ISOYEAR;
import static io.sluice.runtime.function.DateTimeFunctions.MILLENNIUM;
import static io.sluice.runtime.function.DateTimeFunctions.MILLISECOND;
import static io.sluice.runtime.function.DateTimeFunctions.MINUTE;
import static io.sluice.runtime.function.DateTimeFunctions.MONTH;
import static io.sluice.runtime.function.DateTimeFunctions.QUARTER;
import static io.sluice.runtime.function.DateTimeFunctions.SECOND;
import static io.sluice.runtime.function.DateTimeFunctions.WEEK;
import static io.sluice.runtime.function.DateTimeFunctions.YEAR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import org.junit.jupiter.api.Test;

class DateTimeFunctionsTest {
    @Test
    void calendarFieldsAgreeWithJavaTimeFromYear0001To9999() {
        long first = LocalDate.of(1, 1, 1).toEpochDay();
        long last = LocalDate.of(9999, 12, 31).toEpochDay();
        for (long day = first; day <= last; day++) {
            LocalDate date = LocalDate.ofEpochDay(day);
            assertEquals(date.getYear(), DateTimeFunctions.year(day), date::toString);
            assertEquals(date.getMonthValue(), DateTimeFunctions.month(day), date::toString);
            assertEquals(date.getDayOfMonth(), DateTimeFunctions.dayOfMonth(day), date::toString);
            assertEquals(day, DateTimeFunctions.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
            assertEquals(date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), DateTimeFunctions.extractFromDate(WEEK, (int) day));
            assertEquals(date.getDayOfYear(), DateTimeFunctions.extractFromDate(DOY, (int) day));
        }
    }

    @Test
    void extractAroundTheEpoch() {
        long lastMillisOf1969 = -1;
        assertEquals(1969, DateTimeFunctions.extract(YEAR, lastMillisOf1969));
        assertEquals(12, DateTimeFunctions.extract(MONTH, lastMillisOf1969));
        assertEquals(31, DateTimeFunctions.extract(DAY, lastMillisOf1969));
        assertEquals(23, DateTimeFunctions.extract(HOUR, lastMillisOf1969));
        assertEquals(59, DateTimeFunctions.extract(MINUTE, lastMillisOf1969));
        assertEquals(59, DateTimeFunctions.extract(SECOND, lastMillisOf1969));
        assertEquals(999, DateTimeFunctions.extract(MILLISECOND, lastMillisOf1969));
        assertEquals(-1, DateTimeFunctions.extract(EPOCH, lastMillisOf1969));
        assertEquals(365, DateTimeFunctions.extract(DOY, lastMillisOf1969));
        // 1969-12-31 is a Wednesday, in ISO week 1 of 1970.
        assertEquals(4, DateTimeFunctions.extract(DOW, lastMillisOf1969));
        assertEquals(3, DateTimeFunctions.extract(ISODOW, lastMillisOf1969));
        assertEquals(1, DateTimeFunctions.extract(WEEK, lastMillisOf1969));
        assertEquals(1970, DateTimeFunctions.extract(ISOYEAR, lastMillisOf1969));
        assertEquals(0, DateTimeFunctions.extract(EPOCH, 999));
        assertEquals(-2, DateTimeFunctions.extract(EPOCH, -1001));
    }

    @Test
    void extractWeeksAroundNewYear() {
        // 2020 has 53 ISO weeks: its last days and 2021-01-01 to 03 are in week 53.
        assertEquals(53, extract(WEEK, "2020-12-31T12:00"));
        assertEquals(53, extract(WEEK, "2021-01-03T23:59"));
        assertEquals(2020, extract(ISOYEAR, "2021-01-03T23:59"));
        assertEquals(1, extract(WEEK, "2021-01-04T00:00"));
        // Monday 2024-12-30 starts week 1 of 2025.
        assertEquals(52, extract(WEEK, "2024-12-29T00:00"));
        assertEquals(1, extract(WEEK, "2024-12-30T00:00"));
        assertEquals(2025, extract(ISOYEAR, "2024-12-30T00:00"));
        assertEquals(2024, extract(YEAR, "2024-12-30T00:00"));
        // DOW counts from Sunday = 1; ISODOW from Monday = 1.
        assertEquals(1, extract(DOW, "2021-01-03T00:00"));
        assertEquals(7, extract(ISODOW, "2021-01-03T00:00"));
        assertEquals(7, extract(DOW, "2021-01-02T00:00"));
        assertEquals(4, extract(QUARTER, "2021-12-31T00:00"));
        assertEquals(1, extract(QUARTER, "2022-01-01T00:00"));
    }

    @Test
    void extractCenturiesAndDecades() {
        assertEquals(20, extract(CENTURY, "2000-12-31T00:00"));
        assertEquals(21, extract(CENTURY, "2001-01-01T00:00"));
        assertEquals(2, extract(MILLENNIUM, "2000-06-01T00:00"));
        assertEquals(3, extract(MILLENNIUM, "2001-06-01T00:00"));
        assertEquals(202, extract(DECADE, "2029-06-01T00:00"));
    }

    @Test
    void floorAndCeilAcrossYearBoundaries() {
        long lastMillisOf2020 = millis("2020-12-31T23:59:59.999");
        assertEquals(millis("2020-01-01T00:00"), DateTimeFunctions.floor(lastMillisOf2020, YEAR));
        assertEquals(millis("2021-01-01T00:00"), DateTimeFunctions.ceil(lastMillisOf2020, YEAR));
        assertEquals(millis("2020-10-01T00:00"), DateTimeFunctions.floor(lastMillisOf2020, QUARTER));
        assertEquals(millis("2021-01-01T00:00"), DateTimeFunctions.ceil(lastMillisOf2020, QUARTER));
        assertEquals(millis("2021-01-01T00:00"), DateTimeFunctions.ceil(lastMillisOf2020, MONTH));
        assertEquals(millis("2021-01-01T00:00"), DateTimeFunctions.ceil(lastMillisOf2020, DAY));
        assertEquals(millis("2021-01-01T00:00"), DateTimeFunctions.ceil(lastMillisOf2020, SECOND));
        assertEquals(millis("2020-12-31T23:59:59.999"), DateTimeFunctions.ceil(lastMillisOf2020, MILLISECOND));
        long newYear = millis("2021-01-01T00:00");
        for (int unit : new int[] {YEAR, QUARTER, MONTH, DAY, HOUR, MINUTE, SECOND}) {
            assertEquals(newYear, DateTimeFunctions.floor(newYear, unit), "floor to " + unit);
            assertEquals(newYear, DateTimeFunctions.ceil(newYear, unit), "ceil to " + unit);
        }
    }

    @Test
    void floorAndCeilBeforeTheEpoch() {
        assertEquals(millis("1969-12-31T23:59:59"), DateTimeFunctions.floor(-1, SECOND));
        assertEquals(millis("1969-12-31T23:00"), DateTimeFunctions.floor(-1, HOUR));
        assertEquals(millis("1969-12-31T00:00"), DateTimeFunctions.floor(-1, DAY));
        assertEquals(millis("1969-12-01T00:00"), DateTimeFunctions.floor(-1, MONTH));
        assertEquals(0, DateTimeFunctions.ceil(-1, SECOND));
        assertEquals(0, DateTimeFunctions.ceil(-1, DAY));
        assertEquals(0, DateTimeFunctions.ceil(-1, YEAR));
        assertEquals(millis("1900-01-01T00:00"), DateTimeFunctions.floor(millis("1900-07-15T10:00"), YEAR));
        assertEquals(millis("1901-01-01T00:00"), DateTimeFunctions.ceil(millis("1900-07-15T10:00"), YEAR));
    }

    @Test
    void weeksStartOnSunday() {
        // Wednesday 1969-12-31 is in the week of Sunday 1969-12-28, which ends before Sunday 1970-01-04.
        assertEquals(millis("1969-12-28T00:00"), DateTimeFunctions.floor(-1, WEEK));
        assertEquals(millis("1970-01-04T00:00"), DateTimeFunctions.ceil(-1, WEEK));
        assertEquals(millis("2021-01-03T00:00"), DateTimeFunctions.floor(millis("2021-01-03T00:00"), WEEK));
        assertEquals(millis("2021-01-03T00:00"), DateTimeFunctions.ceil(millis("2021-01-03T00:00"), WEEK));
        assertEquals(millis("2021-01-03T00:00"), DateTimeFunctions.floor(millis("2021-01-09T23:59:59.999"), WEEK));
        assertEquals(days("2020-12-27"), DateTimeFunctions.floorDate(days("2021-01-01"), WEEK));
        assertEquals(days("2021-01-03"), DateTimeFunctions.ceilDate(days("2021-01-01"), WEEK));
    }

    @Test
    void floorAndCeilDatesToLongUnits() {
        assertEquals(days("2020-01-01"), DateTimeFunctions.floorDate(days("2029-12-31"), DECADE));
        assertEquals(days("2030-01-01"), DateTimeFunctions.ceilDate(days("2029-12-31"), DECADE));
        assertEquals(days("2001-01-01"), DateTimeFunctions.floorDate(days("2024-02-29"), CENTURY));
        assertEquals(days("1901-01-01"), DateTimeFunctions.floorDate(days("2000-12-31"), CENTURY));
        assertEquals(days("2001-01-01"), DateTimeFunctions.floorDate(days("2999-01-01"), MILLENNIUM));
        assertEquals(days("2024-03-01"), DateTimeFunctions.ceilDate(days("2024-02-29"), MONTH));
        assertEquals(days("2024-03-01"), DateTimeFunctions.ceilDate(days("2024-03-01"), MONTH));
    }

    @Test
    void addingMonthsClampsTheDay() {
        assertEquals(days("2024-02-29"), DateTimeFunctions.addMonthsToDate(days("2024-01-31"), 1));
        assertEquals(days("2023-02-28"), DateTimeFunctions.addMonthsToDate(days("2024-02-29"), -12));
        assertEquals(days("1969-11-30"), DateTimeFunctions.addMonthsToDate(days("1969-12-31"), -1));
        assertEquals(days("1971-02-28"), DateTimeFunctions.addMonthsToDate(days("1969-12-31"), 14));
        assertEquals(days("1970-01-31"), DateTimeFunctions.addMonthsToDate(days("1969-12-31"), 1));
        assertEquals(millis("1969-11-30T23:59:59.999"), DateTimeFunctions.addMonths(-1, -1));
        assertEquals(millis("2025-02-28T10:30"), DateTimeFunctions.addMonths(millis("2024-01-31T10:30"), 13));
    }

    @Test
    void monthsBetweenCountsAsFlink() {
        assertEquals(1, monthsBetween("2024-01-31T00:00", "2024-03-01T00:00"));
        // January 31 plus a month is February 29 (clamped): reached.
        assertEquals(1, monthsBetween("2024-01-31T00:00", "2024-02-29T00:00"));
        assertEquals(0, monthsBetween("2024-01-31T00:00", "2024-02-28T23:59"));
        assertEquals(1, monthsBetween("2024-01-15T12:00", "2024-02-15T12:00"));
        assertEquals(0, monthsBetween("2024-01-15T12:00", "2024-02-15T11:59:59.999"));
        assertEquals(-1, monthsBetween("2024-02-15T12:00", "2024-01-15T12:00"));
        assertEquals(0, monthsBetween("2024-02-15T11:00", "2024-01-15T12:00"));
        assertEquals(-648, monthsBetween("2024-01-01T00:00", "1969-12-31T12:00"));
        assertEquals(12, monthsBetween("1969-12-31T23:59:59.999", "1970-12-31T23:59:59.999"));
        // May 31 plus 9 months is February 29, reached at 08:00.
        assertEquals(8, monthsBetween("2023-05-31T08:00", "2024-02-29T07:00"));
        assertEquals(9, monthsBetween("2023-05-31T08:00", "2024-02-29T08:00"));
        assertEquals(119, monthsBetween("1960-03-01T00:00", "1970-02-28T23:00"));
    }

    private static long extract(int unit, String localDateTime) {
        return DateTimeFunctions.extract(unit, millis(localDateTime));
    }

    private static int monthsBetween(String from, String to) {
        return DateTimeFunctions.monthsBetween(millis(from), millis(to));
    }

    private static long millis(String localDateTime) {
        return DateTimeFunctions.toMillis(LocalDateTime.parse(localDateTime));
    }

    private static int days(String date) {
        return (int) LocalDate.parse(date).toEpochDay();
    }
}
