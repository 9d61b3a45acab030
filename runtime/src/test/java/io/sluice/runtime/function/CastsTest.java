package io.sluice.runtime.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.error.SluiceException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CastsTest {
    @Test
    void integersFromStrings() {
        assertEquals(42, Casts.toInt(" 42 "));
        assertEquals(-7, Casts.toInt("-7"));
        assertEquals(5, Casts.toInt("+5"));
        assertEquals(Long.MIN_VALUE, Casts.toLong("-9223372036854775808"));
        assertEquals(-128, Casts.toInteger("-128", Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT"));
        assertFails("22003", "the value 128 is out of range for TINYINT",
                () -> Casts.toInteger("128", Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT"));
        assertFails("22003", "out of range for INTEGER", () -> Casts.toInt("2147483648"));
        assertFails("22003", "out of range for BIGINT", () -> Casts.toLong("9223372036854775808"));
        assertFails("22018", "cannot cast '1.5' to INTEGER", () -> Casts.toInt("1.5"));
        assertFails("22018", "cannot cast '' to BIGINT", () -> Casts.toLong(""));
        assertFails("22018", "cannot cast '12a' to INTEGER", () -> Casts.toInt("12a"));
    }

    @Test
    void otherTypesFromStrings() {
        assertEquals(1.5e3, Casts.toDouble(" 1.5e3"));
        assertEquals(new BigDecimal("1.50"), Casts.toDecimal("1.499", 3, 2));
        assertFails("22003", "out of range for DECIMAL(3, 2)", () -> Casts.toDecimal("10", 3, 2));
        assertFails("22018", "to DECIMAL(3, 2)", () -> Casts.toDecimal("ten", 3, 2));
        for (String yes : new String[] {"true", "TRUE", " t ", "Yes", "y", "1"}) {
            assertTrue(Casts.toBoolean(yes), yes);
        }
        for (String no : new String[] {"false", "F", "no", "N", "0"}) {
            assertFalse(Casts.toBoolean(no), no);
        }
        assertFails("22018", "to BOOLEAN", () -> Casts.toBoolean("maybe"));
        assertEquals(-1, Casts.toDate("1969-12-31"));
        assertFails("22018", "to DATE", () -> Casts.toDate("2024-02-30"));
        assertEquals(1_704_164_645_123L, Casts.toTimestamp("2024-01-02 03:04:05.123"));
        assertEquals(1_704_164_645_123L, Casts.toTimestamp("2024-01-02T03:04:05.1239"));
        assertEquals(1_704_164_640_000L, Casts.toTimestamp("2024-01-02 03:04"));
        assertEquals(1_704_153_600_000L, Casts.toTimestamp("2024-01-02"));
        assertFails("22018", "to TIMESTAMP", () -> Casts.toTimestamp("2024-01-02 25:00"));
    }

    @Test
    void timestampsAsTextShowTheirPrecision() {
        long millis = 1_704_164_645_123L;
        assertEquals("2024-01-02 03:04:05", Casts.fromTimestamp(millis, 0));
        assertEquals("2024-01-02 03:04:05.1", Casts.fromTimestamp(millis, 1));
        assertEquals("2024-01-02 03:04:05.123", Casts.fromTimestamp(millis, 3));
        assertEquals("1969-12-31 23:59:59.999", Casts.fromTimestamp(-1, 3));
        assertEquals("1969-12-31", Casts.fromDate(-1));
        assertEquals("2024-01-02 03:04:05.123000", Casts.fromTimestamp(millis, 6));
        assertEquals("2024-01-02 03:04:05.123000000", Casts.fromTimestamp(millis, 9));
    }

    @Test
    void timesFromAndToText() {
        assertEquals(45_296_000, Casts.toTime("12:34:56"));
        assertEquals(45_240_000, Casts.toTime(" 12:34 "));
        assertEquals(45_296_789, Casts.toTime("12:34:56.7891"));
        assertEquals("12:34:56", Casts.fromTime(45_296_789, 0));
        assertEquals("12:34:56.78", Casts.fromTime(45_296_789, 2));
        assertEquals("23:59:59.999000", Casts.fromTime(86_399_999, 6));
        assertFails("22018", "cannot cast '24:00' to TIME", () -> Casts.toTime("24:00"));
        assertFails("22018", "cannot cast '12:3' to TIME", () -> Casts.toTime("12:3"));
        assertFails("22018", "cannot cast '12:60:00' to TIME", () -> Casts.toTime("12:60:00"));
    }

    @Test
    void intervalsAsText() {
        assertEquals("+0 00:00:00.000", Casts.fromIntervalDayTime(0));
        assertEquals("+1 02:03:04.005", Casts.fromIntervalDayTime(93_784_005L));
        assertEquals("-1 02:03:04.005", Casts.fromIntervalDayTime(-93_784_005L));
        assertEquals("-0 00:00:00.001", Casts.fromIntervalDayTime(-1));
        assertEquals("+1-02", Casts.fromIntervalYearMonth(14));
        assertEquals("-0-07", Casts.fromIntervalYearMonth(-7));
        assertEquals("-178956970-08", Casts.fromIntervalYearMonth(Integer.MIN_VALUE));
    }

    @Test
    void numbersNarrowOnlyWithinTheirRange() {
        assertEquals(127, Casts.narrow(127, Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT"));
        assertFails("22003", "the value 128 is out of range for TINYINT",
                () -> Casts.narrow(128, Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT"));
        assertFails("22003", "the value -32769 is out of range for SMALLINT",
                () -> Casts.narrow(-32769, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT"));
    }

    @Test
    void floatingPointTruncatesTowardZero() {
        assertEquals(2, Casts.truncate(2.99, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER"));
        assertEquals(-2, Casts.truncate(-2.99, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER"));
        assertEquals(Integer.MAX_VALUE, Casts.truncate(2147483647.9, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER"));
        assertEquals(Integer.MIN_VALUE, Casts.truncate(-2147483648.9, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER"));
        assertFails("22003", "the value 2.147483648E9 is out of range for INTEGER",
                () -> Casts.truncate(2147483648.0, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER"));
        // -2^63 is a BIGINT, 2^63 is not.
        assertEquals(Long.MIN_VALUE, Casts.truncate(-0x1p63, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT"));
        assertFails("22003", "out of range for BIGINT",
                () -> Casts.truncate(0x1p63, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT"));
        assertFails("22003", "the value NaN is out of range",
                () -> Casts.truncate(Double.NaN, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT"));
        assertFails("22003", "the value -Infinity is out of range",
                () -> Casts.truncate(Double.NEGATIVE_INFINITY, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT"));
    }

    @Test
    void floatingPointToDecimal() {
        assertEquals(new BigDecimal("0.10"), Casts.doubleToDecimal(0.1, 5, 2));
        assertEquals(new BigDecimal("-2.6"), Casts.doubleToDecimal(-2.55, 5, 1));
        assertFails("22003", "the value Infinity is out of range for DECIMAL(5, 2)",
                () -> Casts.doubleToDecimal(Double.POSITIVE_INFINITY, 5, 2));
        assertFails("22003", "out of range for DECIMAL(5, 2)", () -> Casts.doubleToDecimal(1e5, 5, 2));
    }

    @Test
    void floatsKeepTheirShortForm() {
        assertEquals("0.1", Casts.fromFloat(0.1f));
        assertEquals("0.1", Casts.fromDouble(0.1));
        assertEquals("1.0E20", Casts.fromDouble(1e20));
        assertEquals("0.10", Casts.fromDecimal(new BigDecimal("0.10")));
        assertEquals("1000", Casts.fromDecimal(new BigDecimal("1E+3")));
    }

    private static void assertFails(String sqlState, String message, Executable cast) {
        SluiceException e = assertThrows(SluiceException.class, cast);
        assertEquals(sqlState, e.sqlState(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
