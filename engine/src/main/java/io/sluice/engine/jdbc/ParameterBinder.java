package io.sluice.engine.jdbc;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Fills a prepared statement's {@code ?} parameters in as SQL literals. The engine has no
 * parameters of its own, so a prepared statement runs as its text with the values written in:
 * numbers as numbers (in parentheses when negative, so that {@code x-?} cannot become a comment),
 * strings in quotes with their quotes doubled, dates and timestamps as typed literals, null as
 * {@code NULL}. A {@code ?} inside a string, a quoted identifier or a comment is not a parameter.
 * Positions in errors are those of the text with the values written in.
 */
final class ParameterBinder {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private ParameterBinder() {
    }

    static int count(String sql) {
        return markers(sql).size();
    }

    /** The statement with each {@code ?} replaced by its value's literal. */
    static String bind(String sql, List<TypedValue> values) {
        List<Integer> markers = markers(sql);
        if (markers.size() != values.size()) {
            throw JdbcErrors.error(JdbcErrors.WRONG_PARAMETER_COUNT, "the statement has " + markers.size()
                    + " parameter" + (markers.size() == 1 ? "" : "s") + " but " + values.size()
                    + (values.size() == 1 ? " value was" : " values were") + " given");
        }
        StringBuilder bound = new StringBuilder(sql.length() + 16 * values.size());
        int from = 0;
        for (int i = 0; i < markers.size(); i++) {
            int marker = markers.get(i);
            bound.append(sql, from, marker).append(literal(i + 1, values.get(i)));
            from = marker + 1;
        }
        return bound.append(sql, from, sql.length()).toString();
    }

    /** The SQL literal for parameter {@code index} (counted from 1). */
    static String literal(int index, TypedValue value) {
        if (value == null) {
            throw JdbcErrors.error(JdbcErrors.WRONG_PARAMETER_COUNT, "parameter " + index + " is not set");
        }
        if (value.value == null) {
            return "NULL";
        }
        return switch (value.type) {
            case BOOLEAN -> (Boolean) value.toLocal() ? "TRUE" : "FALSE";
            case BYTE, SHORT, INTEGER, LONG -> signed(Long.toString(((Number) value.value).longValue()));
            case NUMBER -> signed(((BigDecimal) value.toLocal()).toPlainString());
            case DOUBLE -> approximate(((Number) value.value).doubleValue(), "DOUBLE");
            case FLOAT -> approximate(((Number) value.value).floatValue(), "FLOAT");
            case STRING, CHARACTER -> quoted(value.value.toString());
            case JAVA_SQL_TIMESTAMP, JAVA_UTIL_DATE -> "TIMESTAMP " + quoted(timestamp((Long) value.toLocal()));
            case JAVA_SQL_DATE -> "DATE " + quoted(LocalDate.ofEpochDay((Integer) value.toLocal()).toString());
            case JAVA_SQL_TIME -> "TIME " + quoted(TIME.format(LocalTime.ofNanoOfDay((Integer) value.toLocal() * 1_000_000L)));
            case BYTE_STRING -> "X'" + HexFormat.of().formatHex(((ByteString) value.toLocal()).getBytes()) + "'";
            default -> throw new SluiceException(ErrorCode.UNSUPPORTED,
                    "parameter " + index + ": values of type " + value.type + " are not supported");
        };
    }

    /** Avatica carries a timestamp as the milliseconds of its date-time read as UTC. */
    private static String timestamp(long millis) {
        return TIMESTAMP.format(LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L),
                (int) Math.floorMod(millis, 1000L) * 1_000_000, ZoneOffset.UTC));
    }

    private static String signed(String number) {
        return number.startsWith("-") ? "(" + number + ")" : number;
    }

    /** A DOUBLE literal has an exponent; {@code 1.5} alone would be a DECIMAL. */
    private static String approximate(double value, String type) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "CAST('" + value + "' AS " + type + ")";
        }
        String text = Double.toString(value);
        String literal = signed(text.contains("E") ? text : text + "E0");
        return type.equals("DOUBLE") ? literal : "CAST(" + literal + " AS " + type + ")";
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Where the parameter markers are: outside quotes and comments. */
    private static List<Integer> markers(String sql) {
        List<Integer> markers = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = afterQuoted(sql, i, c);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                if (c == '?') {
                    markers.add(i);
                }
                i++;
            }
        }
        return markers;
    }

    /** The index after a quoted text that starts at {@code start}; a doubled quote stays inside. */
    private static int afterQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}
