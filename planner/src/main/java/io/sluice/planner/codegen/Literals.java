package io.sluice.planner.codegen;

import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.function.Decimals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;

/**
 * Literals in generated code: numbers, booleans and times are written into the source; decimals
 * and strings are held in reference fields, so that queries that differ only in such constants
 * share one compiled class (and a decimal keeps its exact value and scale).
 */
final class Literals {
    private Literals() {
    }

    static GeneratedExpression generate(RexLiteral literal, CodeGenContext context) {
        RelDataType type = literal.getType();
        String javaType = JavaTypes.of(type);
        if (literal.isNull()) {
            return GeneratedExpression.nullOf(type);
        }
        if (type.getSqlTypeName() == SqlTypeName.DECIMAL) {
            return decimal(literal.getValueAs(BigDecimal.class).setScale(type.getScale(), RoundingMode.HALF_UP), type,
                    context);
        }
        String value = switch (type.getSqlTypeName()) {
            case BOOLEAN -> String.valueOf(literal.getValueAs(Boolean.class));
            case CHAR, VARCHAR -> context.reference(literal.getValueAs(NlsString.class).getValue(), JavaTypes.STRING);
            case DOUBLE, FLOAT, REAL -> doubleLiteral(literal.getValueAs(Double.class), javaType);
            default -> integral(literal, javaType);
        };
        return new GeneratedExpression("", value, "false", type);
    }

    /** A decimal of at most 18 digits is also held as its unscaled long, for arithmetic on longs. */
    private static GeneratedExpression decimal(BigDecimal value, RelDataType type, CodeGenContext context) {
        String reference = context.reference(value, JavaTypes.DECIMAL);
        String unscaled = value.precision() <= Decimals.LONG_DIGITS
                ? context.reference(value.unscaledValue().longValueExact(), "Long") + ".longValue()"
                : null;
        return new GeneratedExpression("", reference, "false", type, unscaled);
    }

    private static String doubleLiteral(double value, String javaType) {
        String text = "Double.longBitsToDouble(" + Double.doubleToRawLongBits(value) + "L)";
        return javaType.equals("float") ? "((float) " + text + ")" : text;
    }

    /** Integers, timestamps (millis), dates (days), times (millis of the day) and intervals (millis or months). */
    private static String integral(RexLiteral literal, String javaType) {
        SqlTypeName name = literal.getType().getSqlTypeName();
        Long value = name == SqlTypeName.DATE || name == SqlTypeName.TIME
                ? Long.valueOf(literal.getValueAs(Integer.class))
                : literal.getValueAs(Long.class);
        if (value == null) {
            throw SluiceException.internal("literal without a value: " + literal, null);
        }
        String text = switch (javaType) {
            case "int" -> String.valueOf(Math.toIntExact(value));
            case "long" -> value + "L";
            default -> throw SluiceException.internal("unexpected literal type " + javaType, null);
        };
        return value < 0 ? "(" + text + ")" : text;
    }
}
