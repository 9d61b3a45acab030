package io.sluice.runtime.format.text;

import static io.sluice.runtime.format.text.IntegerParserTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateTimeParserTest {
    /** 2026-01-01T00:00:00 is 1767225600 seconds after the epoch (2025-01-01 is 1735689600, plus 365 days). */
    private static final long NEW_YEAR_2026 = 1_767_225_600_000L;

    @Test
    void readsDatesAsDaysSinceTheEpoch() {
        assertEquals(0, parseDate("1970-01-01"));
        assertEquals(-1, parseDate("1969-12-31"));
        // 2000-01-01 is day 10957; January has 31 days, February 2000 has 29.
        assertEquals(10957, parseDate("2000-01-01"));
        assertEquals(10957 + 31 + 28, parseDate("2000-02-29"));
        assertEquals(10957 + 31 + 29, parseDate("2000-03-01"));
        assertEquals(20454, parseDate(" 2026-01-01 "));
        // 2024-01-01 is day 19723.
        assertEquals(19723 + 31 + 28, parseDate("2024-02-29"));
    }

    @Test
    void agreesWithJavaTimeOnEveryDayOfFourCenturies() {
        for (LocalDate date = LocalDate.of(1800, 1, 1); date.getYear() < 2200; date = date.plusDays(1)) {
            assertEquals(date.toEpochDay(), parseDate(date.toString()), date.toString());
        }
        assertEquals(LocalDate.of(1, 1, 1).toEpochDay(), parseDate("0001-01-01"));
        assertEquals(LocalDate.of(9999, 12, 31).toEpochDay(), parseDate("9999-12-31"));
    }

    @Test
    void rejectsDaysThatDoNotExist() {
        assertProblem("is not a valid DATE: day 30 of 2026-02 is out of range", () -> parseDate("2026-02-30"));
        assertProblem("is not a valid DATE: day 29 of 2023-02 is out of range", () -> parseDate("2023-02-29"));
        assertProblem("is not a valid DATE: day 29 of 1900-02 is out of range", () -> parseDate("1900-02-29"));
        assertProblem("is not a valid DATE: day 31 of 2026-04 is out of range", () -> parseDate("2026-04-31"));
        assertProblem("is not a valid DATE: day 0 of 2026-01 is out of range", () -> parseDate("2026-01-00"));
        assertProblem("is not a valid DATE: month 13 is out of range", () -> parseDate("2026-13-01"));
        assertProblem("is not a valid DATE: month 0 is out of range", () -> parseDate("2026-00-10"));
    }

    @Test
    void rejectsOtherForms() {
        for (String text : new String[] {"", "2026-1-01", "2026/01/01", "26-01-01", "2026-01-01x", "20260101",
                "2026-01-0a", "-2026-01-01", "2026-01-01 00:00:00"}) {
            assertProblem("is not a valid DATE (yyyy-MM-dd)", () -> parseDate(text));
        }
    }

    @Test
    void readsTimestampsTruncatedToMillis() {
        assertEquals(NEW_YEAR_2026, parseTimestamp("2026-01-01 00:00:00", TimestampFormat.SQL));
        assertEquals(NEW_YEAR_2026 + 1_500, parseTimestamp("2026-01-01 00:00:01.5", TimestampFormat.SQL));
        assertEquals(NEW_YEAR_2026 + 1_120, parseTimestamp("2026-01-01 00:00:01.12", TimestampFormat.SQL));
        assertEquals(NEW_YEAR_2026 + 1_123, parseTimestamp("2026-01-01 00:00:01.123456789", TimestampFormat.SQL));
        assertEquals(NEW_YEAR_2026 + 13 * 3_600_000 + 45 * 60_000 + 30_000 + 7,
                parseTimestamp(" 2026-01-01 13:45:30.007 ", TimestampFormat.SQL));
        assertEquals(-1, parseTimestamp("1969-12-31 23:59:59.999", TimestampFormat.SQL));
        assertEquals(-86_400_000L, parseTimestamp("1969-12-31 00:00:00", TimestampFormat.SQL));
    }

    @Test
    void readsTheIsoFormOnlyWhenAsked() {
        assertEquals(NEW_YEAR_2026 + 1_500, parseTimestamp("2026-01-01T00:00:01.500", TimestampFormat.ISO_8601));
        assertEquals(NEW_YEAR_2026 + 1_500, parseTimestamp("2026-01-01 00:00:01.500", TimestampFormat.ISO_8601));
        assertProblem("is not a valid TIMESTAMP (yyyy-MM-dd HH:mm:ss[.fff])",
                () -> parseTimestamp("2026-01-01T00:00:01.500", TimestampFormat.SQL));
    }

    @Test
    void rejectsTimesThatDoNotExist() {
        assertProblem("is not a valid TIMESTAMP: hour 24 is out of range",
                () -> parseTimestamp("2026-01-01 24:00:00", TimestampFormat.SQL));
        assertProblem("is not a valid TIMESTAMP: minute 60 is out of range",
                () -> parseTimestamp("2026-01-01 10:60:00", TimestampFormat.SQL));
        assertProblem("is not a valid TIMESTAMP: second 60 is out of range",
                () -> parseTimestamp("2026-01-01 10:00:60", TimestampFormat.SQL));
        assertProblem("is not a valid TIMESTAMP: day 30 of 2026-02 is out of range",
                () -> parseTimestamp("2026-02-30 10:00:00", TimestampFormat.SQL));
    }

    @Test
    void rejectsOtherTimestampForms() {
        for (String text : new String[] {"", "2026-01-01", "2026-01-01 10:00", "2026-01-01 10:00:00.",
                "2026-01-01 10:00:00.1234567890", "2026-01-01 10:00:00,5", "2026-01-01 10-00-00",
                "2026-01-01 1a:00:00", "2026-01-01 10:00:00.5Z", "2026-01-01 10:00:00 "  + "x"}) {
            assertProblem("is not a valid TIMESTAMP (yyyy-MM-dd HH:mm:ss[.fff])",
                    () -> parseTimestamp(text, TimestampFormat.SQL));
        }
    }

    @Test
    void readsTimesAsMillisOfTheDay() {
        assertEquals(0, parseTime("00:00:00"));
        assertEquals(45_296_789, parseTime(" 12:34:56.789 "));
        assertEquals(86_399_999, parseTime("23:59:59.9999"));
        assertEquals(500, parseTime("00:00:00.5"));
        assertProblem("is not a valid TIME: hour 24 is out of range", () -> parseTime("24:00:00"));
        assertProblem("is not a valid TIME: second 60 is out of range", () -> parseTime("10:00:60"));
        for (String text : new String[] {"", "10:00", "10:00:00.", "10-00-00", "1a:00:00", "2026-01-01 10:00:00"}) {
            assertProblem("is not a valid TIME (HH:mm:ss[.SSS])", () -> parseTime(text));
        }
    }

    private static int parseTime(String text) {
        return DateTimeParser.parseTime(Bytes.padded(text), 3, Bytes.length(text));
    }

    private static int parseDate(String text) {
        return DateTimeParser.parseDate(Bytes.padded(text), 3, Bytes.length(text));
    }

    private static long parseTimestamp(String text, TimestampFormat format) {
        return DateTimeParser.parseTimestamp(Bytes.padded(text), 3, Bytes.length(text), format);
    }
}
