package io.sluice.planner.type;

import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/** Types named as Flink writes them: {@code INT}, {@code STRING}, {@code TIMESTAMP_LTZ(3)}, {@code DECIMAL(5, 2)}. */
public final class FlinkTypeNames {
    private FlinkTypeNames() {
    }

    /** Flink's summary name of a type, as TYPEOF gives it: {@code INT NOT NULL}, {@code VARCHAR(5)}, {@code STRING}. */
    public static String summary(RelDataType type) {
        return type.isNullable() ? name(type) : name(type) + " NOT NULL";
    }

    /** The name without nullability. */
    public static String name(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        return switch (name) {
            case INTEGER -> "INT";
            case REAL, FLOAT -> "FLOAT";
            case DECIMAL -> "DECIMAL(" + type.getPrecision() + ", " + type.getScale() + ")";
            case CHAR -> "CHAR(" + type.getPrecision() + ")";
            case VARCHAR -> type.getPrecision() == Integer.MAX_VALUE || type.getPrecision() < 0
                    ? "STRING" : "VARCHAR(" + type.getPrecision() + ")";
            case TIME -> "TIME(" + type.getPrecision() + ")";
            case TIMESTAMP -> "TIMESTAMP(" + type.getPrecision() + ")";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "TIMESTAMP_LTZ(" + type.getPrecision() + ")";
            default -> name.getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME
                    || name.getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH
                    ? type.getFullTypeString().replace(" NOT NULL", "")
                    : name.getName().toUpperCase(Locale.ROOT);
        };
    }
}
