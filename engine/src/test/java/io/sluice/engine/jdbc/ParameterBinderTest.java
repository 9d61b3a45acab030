package io.sluice.engine.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.calcite.avatica.ColumnMetaData.Rep;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.TypedValue;
import org.junit.jupiter.api.Test;

class ParameterBinderTest {
    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

    @Test
    void markersInsideQuotesAndCommentsAreNotParameters() {
        assertEquals(2, ParameterBinder.count("SELECT '?', `a?b`, \"c?\" FROM t -- ?\nWHERE a = ? /* ? */ AND b = ?"));
        assertEquals(1, ParameterBinder.count("SELECT 'it''s ?' , ? FROM t"));
        assertEquals(0, ParameterBinder.count("SELECT 1 -- ?"));
    }

    @Test
    void valuesAreWrittenAsLiterals() {
        assertEquals("SELECT * FROM t WHERE a = 5 AND b = 'o''brien' AND c = (-3) AND d = NULL",
                ParameterBinder.bind("SELECT * FROM t WHERE a = ? AND b = ? AND c = ? AND d = ?",
                        List.of(jdbc(Rep.INTEGER, 5), jdbc(Rep.STRING, "o'brien"), jdbc(Rep.LONG, -3L),
                                jdbc(Rep.OBJECT, null))));
        assertEquals("x-(-2)", ParameterBinder.bind("x-?", List.of(jdbc(Rep.INTEGER, -2))));
        assertEquals("1.5E0 12.50 TRUE", ParameterBinder.bind("? ? ?",
                List.of(jdbc(Rep.DOUBLE, 1.5), jdbc(Rep.NUMBER, new BigDecimal("12.50")), jdbc(Rep.BOOLEAN, true))));
        assertEquals("CAST(2.5E0 AS FLOAT) CAST('NaN' AS DOUBLE)", ParameterBinder.bind("? ?",
                List.of(jdbc(Rep.FLOAT, 2.5f), jdbc(Rep.DOUBLE, Double.NaN))));
        assertEquals("TIMESTAMP '2026-01-02 03:04:05.006'", ParameterBinder.bind("?",
                List.of(jdbc(Rep.JAVA_SQL_TIMESTAMP, new Timestamp(1767323045006L)))));
        assertEquals("DATE '2026-01-02'", ParameterBinder.bind("?",
                List.of(jdbc(Rep.JAVA_SQL_DATE, new java.sql.Date(1767312000000L)))));
        assertEquals("X'00ff'", ParameterBinder.bind("?", List.of(jdbc(Rep.BYTE_STRING, new byte[] {0, -1}))));
    }

    @Test
    void theNumberOfValuesMustMatch() {
        AvaticaRuntimeException tooFew = assertThrows(AvaticaRuntimeException.class,
                () -> ParameterBinder.bind("? ?", List.of(jdbc(Rep.INTEGER, 1))));
        assertEquals("07001", tooFew.getSqlState());
        assertEquals("the statement has 2 parameters but 1 value was given", tooFew.getErrorMessage());
        AvaticaRuntimeException unset = assertThrows(AvaticaRuntimeException.class,
                () -> ParameterBinder.bind("?", Arrays.asList((TypedValue) null)));
        assertEquals("parameter 1 is not set", unset.getErrorMessage());
    }

    private static TypedValue jdbc(Rep rep, Object value) {
        return TypedValue.ofJdbc(rep, value, UTC);
    }
}
