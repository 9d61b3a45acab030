package io.sluice.planner.codegen;

import org.apache.calcite.rel.type.RelDataType;

/** Code that stores one value of a SQL type into an Arrow vector through the vector's setter. */
final class VectorSetters {
    private VectorSetters() {
    }

    /**
     * Statements storing {@code value} (of the type's Java representation, see {@link JavaTypes})
     * at {@code row} of {@code vector}, or a null when {@code isNull} holds.
     */
    static String set(RelDataType type, String vector, String row, String value, String isNull) {
        String store = switch (type.getSqlTypeName()) {
            case BOOLEAN -> "((org.apache.arrow.vector.BitVector) " + vector + ").setSafe(" + row + ", " + value + " ? 1 : 0);";
            case TINYINT -> "((org.apache.arrow.vector.TinyIntVector) " + vector + ").setSafe(" + row + ", (byte) " + value + ");";
            case SMALLINT -> "((org.apache.arrow.vector.SmallIntVector) " + vector + ").setSafe(" + row + ", (short) " + value + ");";
            case INTEGER -> "((org.apache.arrow.vector.IntVector) " + vector + ").setSafe(" + row + ", (int) " + value + ");";
            case BIGINT -> "((org.apache.arrow.vector.BigIntVector) " + vector + ").setSafe(" + row + ", (long) " + value + ");";
            case FLOAT, REAL -> "((org.apache.arrow.vector.Float4Vector) " + vector + ").setSafe(" + row + ", (float) " + value + ");";
            case DOUBLE -> "((org.apache.arrow.vector.Float8Vector) " + vector + ").setSafe(" + row + ", (double) " + value + ");";
            case DECIMAL -> "Vectors.setDecimal((org.apache.arrow.vector.DecimalVector) " + vector + ", " + row + ", Decimals.fit("
                    + value + ", " + type.getPrecision() + ", " + type.getScale() + "));";
            case CHAR, VARCHAR -> "Vectors.setString((org.apache.arrow.vector.VarCharVector) " + vector + ", " + row + ", "
                    + value + ");";
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
                    "((org.apache.arrow.vector.TimeStampMilliVector) " + vector + ").setSafe(" + row + ", (long) " + value + ");";
            case DATE -> "((org.apache.arrow.vector.DateDayVector) " + vector + ").setSafe(" + row + ", (int) " + value + ");";
            case TIME -> "((org.apache.arrow.vector.TimeMilliVector) " + vector + ").setSafe(" + row + ", (int) " + value + ");";
            default -> JavaTypes.isYearMonth(type)
                    ? "((org.apache.arrow.vector.IntervalYearVector) " + vector + ").setSafe(" + row + ", (int) " + value + ");"
                    : "((org.apache.arrow.vector.DurationVector) " + vector + ").setSafe(" + row + ", (long) " + value + ");";
        };
        if (isNull.equals("false")) {
            return store + "\n";
        }
        return "if (" + isNull + ") {\n" + vector + ".setNull(" + row + ");\n} else {\n" + store + "\n}\n";
    }
}
