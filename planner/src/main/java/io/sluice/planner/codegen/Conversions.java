package io.sluice.planner.codegen;

import io.sluice.runtime.error.SluiceException;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Conversions of a non-null value between the Java types of two SQL types, as implicit
 * promotion needs them (an INT operand of a BIGINT sum, a BIGINT operand of a DECIMAL product).
 * Explicit CASTs with their own rules are in {@link CastGenerator}.
 */
final class Conversions {
    private Conversions() {
    }

    static String convert(String value, RelDataType from, RelDataType to) {
        String fromJava = JavaTypes.of(from);
        String toJava = JavaTypes.of(to);
        if (toJava.equals(JavaTypes.DECIMAL)) {
            if (fromJava.equals(JavaTypes.DECIMAL)) {
                return from.getScale() == to.getScale() && from.getPrecision() <= to.getPrecision()
                        ? value
                        : "Decimals.fit(" + value + ", " + to.getPrecision() + ", " + to.getScale() + ")";
            }
            if (fromJava.equals("int") || fromJava.equals("long")) {
                return "Decimals.fit(java.math.BigDecimal.valueOf((long) " + value + "), " + to.getPrecision() + ", "
                        + to.getScale() + ")";
            }
            if (fromJava.equals("float") || fromJava.equals("double")) {
                return "Casts.doubleToDecimal(" + value + ", " + to.getPrecision() + ", " + to.getScale() + ")";
            }
        } else if (fromJava.equals(JavaTypes.DECIMAL)) {
            switch (toJava) {
                case "int":
                    return "Decimals.toInt(" + value + ")";
                case "long":
                    return "Decimals.toLong(" + value + ")";
                case "float":
                    return value + ".floatValue()";
                case "double":
                    return value + ".doubleValue()";
                default:
                    break;
            }
        } else if (fromJava.equals(toJava)) {
            return value;
        } else if (JavaTypes.isPrimitiveNumber(fromJava) && JavaTypes.isPrimitiveNumber(toJava)) {
            return "((" + toJava + ") " + value + ")";
        } else if (from.getSqlTypeName() == SqlTypeName.NULL) {
            return JavaTypes.defaultValue(toJava);
        }
        throw SluiceException.internal("no conversion from " + from.getFullTypeString() + " to "
                + to.getFullTypeString(), null);
    }
}
