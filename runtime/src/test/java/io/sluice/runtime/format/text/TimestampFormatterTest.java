package io.sluice.runtime.format.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimestampFormatterTest {
    @Test
    void formatsMillisWithThreeFractionDigits() {
        assertEquals("1970-01-01 00:00:00.000", TimestampFormatter.format(0));
        assertEquals("1969-12-31 23:59:59.999", TimestampFormatter.format(-1));
        assertEquals("2026-01-01 00:00:01.500", TimestampFormatter.format(1_767_225_601_500L));
        assertEquals("2026-01-01 13:45:30.007", TimestampFormatter.format(1_767_225_600_000L + 49_530_007L));
    }

    @Test
    void formatsDates() {
        assertEquals("2000-02-29", TimestampFormatter.formatDate(10957 + 31 + 28));
        assertEquals("1969-12-31", TimestampFormatter.formatDate(-1));
        assertEquals("0001-01-01", TimestampFormatter.formatDate(LocalDate.of(1, 1, 1).toEpochDay()));
        assertEquals("-0001-12-31", TimestampFormatter.formatDate(LocalDate.of(0, 1, 1).toEpochDay() - 1));
    }

    @Test
    void agreesWithJavaTimeAndReadsBackItsOwnOutput() {
        for (LocalDate date = LocalDate.of(1800, 1, 1); date.getYear() < 2200; date = date.plusDays(1)) {
            long millis = date.toEpochDay() * 86_400_000L + 12_345_678L;
            String text = TimestampFormatter.format(millis);
            assertEquals(date + " 03:25:45.678", text);
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            assertEquals(millis, DateTimeParser.parseTimestamp(bytes, 0, bytes.length, TimestampFormat.SQL));
        }
    }
}
