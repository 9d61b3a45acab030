package io.sluice.engine.result;

import static java.util.Objects.requireNonNull;

import java.sql.Types;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A column of a result, as clients see it.
 *
 * @param name      the column's label
 * @param typeName  the SQL type as written, e.g. {@code TIMESTAMP(3)} or {@code DECIMAL(10, 2)}
 * @param jdbcType  the {@link Types} constant
 * @param precision digits, characters or fractional-second digits; 0 if not applicable
 * @param scale     digits after the point for DECIMAL, else 0
 */
public record ResultColumn(String name, String typeName, int jdbcType, int precision, int scale, boolean nullable) {
    public ResultColumn {
        requireNonNull(name, "name is null");
        requireNonNull(typeName, "typeName is null");
    }

    /**
     * The first column of an updating result: each row's kind, {@code +I}, {@code -U}, {@code +U}
     * or {@code -D}, named {@code op} as in Flink's SQL client.
     */
    public static ResultColumn rowKind() {
        return new ResultColumn("op", "VARCHAR", Types.VARCHAR, 2, 0, false);
    }

    public static ResultColumn varchar(String name) {
        return new ResultColumn(name, "VARCHAR", Types.VARCHAR, 0, 0, true);
    }

    public static ResultColumn bigint(String name) {
        return new ResultColumn(name, "BIGINT", Types.BIGINT, 19, 0, true);
    }

    public static ResultColumn timestamp(String name) {
        return new ResultColumn(name, "TIMESTAMP(3)", Types.TIMESTAMP, 3, 0, true);
    }

    public static ResultColumn of(String name, RelDataType type) {
        SqlTypeName sqlType = type.getSqlTypeName();
        int precision = type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED ? 0 : type.getPrecision();
        int scale = type.getScale() == RelDataType.SCALE_NOT_SPECIFIED ? 0 : type.getScale();
        String typeName = switch (sqlType) {
            case CHAR, VARCHAR -> "VARCHAR";
            case DECIMAL -> "DECIMAL(" + precision + ", " + scale + ")";
            case TIMESTAMP -> "TIMESTAMP(" + precision + ")";
            case TIME -> "TIME(" + precision + ")";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "TIMESTAMP_LTZ(" + precision + ")";
            case REAL -> "FLOAT";
            default -> type.getSqlTypeName().getFamily() != null && sqlType.getName().startsWith("INTERVAL")
                    ? type.getFullTypeString().replace(" NOT NULL", "")
                    : sqlType.getName();
        };
        int jdbcType = switch (sqlType) {
            case CHAR, VARCHAR -> Types.VARCHAR;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> Types.TIMESTAMP;
            case REAL -> Types.REAL;
            default -> sqlType.getJdbcOrdinal();
        };
        return new ResultColumn(name, typeName, jdbcType, sqlType == SqlTypeName.VARCHAR || sqlType == SqlTypeName.CHAR
                ? Math.max(precision, 0) : precision, scale, type.isNullable());
    }
}
