package io.sluice.engine.slt;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** How values are written in expected rows: {@code NULL}, timestamps and times with milliseconds, plain decimals. */
final class SltValues {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private SltValues() {
    }

    static String format(Object[] row) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                text.append('|');
            }
            text.append(format(row[i]));
        }
        return text.toString();
    }

    static String format(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof LocalDateTime timestamp) {
            return TIMESTAMP.format(timestamp);
        }
        if (value instanceof LocalTime time) {
            return TIME.format(time);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }
}
