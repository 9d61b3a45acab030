package io.sluice.planner.type;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Type rules that differ from Calcite's defaults, chosen to match Flink SQL: decimals up to 38
 * digits, millisecond timestamps by default, times and timestamps of up to 9 fractional digits
 * (held to the millisecond: see {@link io.sluice.runtime.vector.ColumnTypes}), and {@code CASE}
 * over strings of different lengths giving {@code VARCHAR} rather than a blank-padded {@code CHAR}.
 */
public final class SluiceTypeSystem extends RelDataTypeSystemImpl {
    public static final SluiceTypeSystem INSTANCE = new SluiceTypeSystem();

    private static final int MAX_DECIMAL = 38;
    private static final int MAX_FRACTION_DIGITS = 9;

    private SluiceTypeSystem() {
    }

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case DECIMAL -> MAX_DECIMAL;
            case VARCHAR, CHAR -> Integer.MAX_VALUE;
            case TIME, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> MAX_FRACTION_DIGITS;
            default -> super.getMaxPrecision(typeName);
        };
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL : super.getMaxScale(typeName);
    }

    @Override
    public int getDefaultPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 3;
            default -> super.getDefaultPrecision(typeName);
        };
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }
}
