package io.sluice.planner.type;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.vector.ColumnTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/** The Arrow layout of each SQL type the planner hands to the runtime (see {@link ColumnTypes}). */
public final class ArrowTypeMapping {
    private ArrowTypeMapping() {
    }

    public static Schema toSchema(RelDataType rowType) {
        List<Field> fields = new ArrayList<>();
        for (RelDataTypeField field : rowType.getFieldList()) {
            fields.add(toField(field.getName(), field.getType()));
        }
        return new Schema(fields);
    }

    public static Field toField(String name, RelDataType type) {
        return new Field(name, new FieldType(type.isNullable(), toArrowType(type), null), null);
    }

    public static ArrowType toArrowType(RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case BOOLEAN -> ColumnTypes.BOOLEAN;
            case TINYINT -> ColumnTypes.TINYINT;
            case SMALLINT -> ColumnTypes.SMALLINT;
            case INTEGER -> ColumnTypes.INT;
            case BIGINT -> ColumnTypes.BIGINT;
            case FLOAT, REAL -> ColumnTypes.FLOAT;
            case DOUBLE -> ColumnTypes.DOUBLE;
            case DECIMAL -> ColumnTypes.decimal(type.getPrecision(), type.getScale());
            case CHAR, VARCHAR -> ColumnTypes.VARCHAR;
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> ColumnTypes.TIMESTAMP;
            case DATE -> ColumnTypes.DATE;
            case TIME -> ColumnTypes.TIME;
            case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH -> ColumnTypes.INTERVAL_YEAR_MONTH;
            case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR,
                 INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND,
                 INTERVAL_SECOND -> ColumnTypes.INTERVAL_DAY_TIME;
            default -> throw new SluiceException(ErrorCode.UNSUPPORTED,
                    "the type " + type.getFullTypeString() + " is not supported");
        };
    }
}
