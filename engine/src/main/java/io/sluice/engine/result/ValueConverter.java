package io.sluice.engine.result;

import io.sluice.runtime.function.DateTimeFunctions;
import io.sluice.runtime.vector.VectorValues;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import org.apache.arrow.vector.FieldVector;

/** Values of result columns as the Java objects clients get (see {@link ResultCursor}). */
public final class ValueConverter {
    private ValueConverter() {
    }

    public static Object read(FieldVector vector, int row, ResultColumn column) {
        Object value = VectorValues.get(vector, row);
        if (value == null) {
            return null;
        }
        return switch (column.jdbcType()) {
            case Types.TIMESTAMP -> DateTimeFunctions.toLocalDateTime((Long) value);
            case Types.DATE -> LocalDate.ofEpochDay((Integer) value);
            case Types.TIME -> LocalTime.ofNanoOfDay((Integer) value * 1_000_000L);
            case Types.TINYINT -> ((Number) value).byteValue();
            case Types.SMALLINT -> ((Number) value).shortValue();
            default -> column.typeName().startsWith("INTERVAL")
                    ? (value instanceof Long millis ? Duration.ofMillis(millis) : Period.ofMonths((Integer) value))
                    : value;
        };
    }
}
