package io.sluice.runtime.format.text;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The SQL types a text format can read, each tied to its Arrow layout in
 * {@link io.sluice.runtime.vector.ColumnTypes}. A format works out the kind of every column when
 * it is created, so that a column it cannot read is reported at the table's {@code CREATE}.
 */
public enum ColumnKind {
    BOOLEAN,
    TINYINT,
    SMALLINT,
    INT,
    BIGINT,
    FLOAT,
    DOUBLE,
    DECIMAL,
    VARCHAR,
    TIMESTAMP,
    DATE,
    TIME;

    /**
     * The kinds of a schema's columns, in order.
     *
     * @param format the format's name, for the error message
     * @param table  the table's name, for the error message
     * @throws SluiceException with {@code UNSUPPORTED}, naming the first column the format cannot read
     */
    public static List<ColumnKind> of(Schema schema, String format, String table) {
        List<ColumnKind> kinds = new ArrayList<>();
        for (Field field : schema.getFields()) {
            kinds.add(of(field, format, table));
        }
        return List.copyOf(kinds);
    }

    private static ColumnKind of(Field field, String format, String table) {
        ArrowType type = field.getType();
        ColumnKind kind = switch (type.getTypeID()) {
            case Bool -> BOOLEAN;
            case Int -> {
                ArrowType.Int integer = (ArrowType.Int) type;
                if (!integer.getIsSigned()) {
                    yield null;
                }
                yield switch (integer.getBitWidth()) {
                    case 8 -> TINYINT;
                    case 16 -> SMALLINT;
                    case 32 -> INT;
                    case 64 -> BIGINT;
                    default -> null;
                };
            }
            case FloatingPoint -> {
                FloatingPointPrecision precision = ((ArrowType.FloatingPoint) type).getPrecision();
                yield precision == FloatingPointPrecision.SINGLE ? FLOAT
                        : precision == FloatingPointPrecision.DOUBLE ? DOUBLE : null;
            }
            case Decimal -> {
                ArrowType.Decimal decimal = (ArrowType.Decimal) type;
                yield decimal.getBitWidth() == 128 && decimal.getScale() >= 0 ? DECIMAL : null;
            }
            case Utf8 -> VARCHAR;
            case Timestamp -> {
                ArrowType.Timestamp timestamp = (ArrowType.Timestamp) type;
                yield timestamp.getUnit() == TimeUnit.MILLISECOND && timestamp.getTimezone() == null ? TIMESTAMP : null;
            }
            case Date -> ((ArrowType.Date) type).getUnit() == DateUnit.DAY ? DATE : null;
            case Time -> ((ArrowType.Time) type).getUnit() == TimeUnit.MILLISECOND ? TIME : null;
            default -> null;
        };
        if (kind == null) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "format '" + format + "' cannot read column '"
                    + field.getName() + "' of table '" + table + "': type " + sqlName(type) + " is not supported");
        }
        return kind;
    }

    private static String sqlName(ArrowType type) {
        return switch (type.getTypeID()) {
            case Duration -> "INTERVAL DAY TO SECOND";
            case Interval -> ((ArrowType.Interval) type).getUnit() == IntervalUnit.YEAR_MONTH
                    ? "INTERVAL YEAR TO MONTH" : "INTERVAL DAY TO SECOND";
            default -> type.toString();
        };
    }
}
