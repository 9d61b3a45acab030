package io.sluice.planner.codegen;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Numeric functions: {@code ABS, MOD, FLOOR, CEIL, ROUND, TRUNCATE, POWER, SQRT, CBRT, EXP, LN, LOG,
 * LOG2, LOG10, SIGN, PI, E} and trigonometry ({@code SIN, COS, TAN, COT, ASIN, ACOS, ATAN, ATAN2,
 * SINH, COSH, TANH, DEGREES, RADIANS}), in doubles where not said otherwise. TRUNCATE keeps its
 * operand's type and cuts toward zero.
 * ROUND rounds halves away from zero, for every type ({@code ROUND(-2.5)} is -3), as SQL and
 * Flink do and Java's {@code Math.round} does not.
 */
final class MathFunctionGenerator implements CallGenerator {
    @Override
    public GeneratedExpression generate(ExpressionGenerator generator, RexCall call) {
        String name = call.getOperator().getName();
        RelDataType type = call.getType();
        String javaType = JavaTypes.of(type);
        boolean decimal = javaType.equals(JavaTypes.DECIMAL);
        boolean integral = javaType.equals("int") || javaType.equals("long");
        if (name.equals("MOD")) {
            return new ArithmeticGenerator().generate(generator, call);
        }
        List<GeneratedExpression> operands = generator.generateAll(call.getOperands());
        String fit = ", " + type.getPrecision() + ", " + type.getScale() + ")";
        switch (name) {
            case "FLOOR", "CEIL" -> {
                // The operand keeps its own type: converted to the result's scale first, it would be rounded.
                String function = name.toLowerCase(Locale.ROOT);
                GeneratedExpression operand = operands.get(0);
                return generator.strictExpression(call, List.of(operand), v -> integral
                        ? Conversions.convert(v.get(0), operand.type(), type)
                        : decimal
                        ? "Decimals.fit(Decimals." + function + "(" + v.get(0) + ")" + fit
                        : "(" + javaType + ") Math." + function + "(" + v.get(0) + ")");
            }
            case "ABS", "SIGN" -> {
                GeneratedExpression operand = generator.convert(operands.get(0), type);
                return generator.strictExpression(call, List.of(operand), v -> name.equals("ABS")
                        ? (decimal ? v.get(0) + ".abs()" : ArithmeticGenerator.wrap("Math.abs(" + v.get(0) + ")", type))
                        // The sign as a decimal of the result's scale (a vector takes only its own).
                        : (decimal ? "Decimals.fit(java.math.BigDecimal.valueOf(" + v.get(0) + ".signum())" + fit
                                : "(" + javaType + ") Math.signum((double) " + v.get(0) + ")"));
            }
            case "TRUNCATE" -> {
                GeneratedExpression operand = generator.convert(operands.get(0), type);
                List<GeneratedExpression> truncated = operands.size() > 1 ? List.of(operand, operands.get(1)) : List.of(operand);
                return generator.strictExpression(call, truncated, v -> {
                    String digits = v.size() > 1 ? "(int) " + v.get(1) : "0";
                    if (decimal) {
                        return "MathFunctions.truncate(" + v.get(0) + ", " + digits + ")";
                    }
                    if (integral) {
                        return "(" + javaType + ") MathFunctions.truncate((long) " + v.get(0) + ", " + digits + ")";
                    }
                    return "(" + javaType + ") MathFunctions.truncate((double) " + v.get(0) + ", " + digits + ")";
                });
            }
            case "ROUND" -> {
                GeneratedExpression operand = operands.get(0);
                return generator.strictExpression(call, operands, v -> {
                    String digits = v.size() > 1 ? v.get(1) : "0";
                    if (decimal) {
                        return "Decimals.fit(Decimals.round(" + v.get(0) + ", " + digits + ")" + fit;
                    }
                    if (integral) {
                        return ArithmeticGenerator.wrap("MathFunctions.round((long) " + v.get(0) + ", " + digits + ")", type);
                    }
                    return "(" + javaType + ") MathFunctions.round(" + Conversions.convert(v.get(0), operand.type(),
                            doubleType(generator.typeFactory())) + ", " + digits + ")";
                });
            }
            default -> {
                List<GeneratedExpression> doubles = operands.stream()
                        .map(o -> generator.convert(o, generator.typeFactory().createTypeWithNullability(
                                doubleType(generator.typeFactory()), o.nullable())))
                        .toList();
                return generator.strictExpression(call, doubles, v -> switch (name) {
                    case "POWER" -> "Math.pow(" + v.get(0) + ", " + v.get(1) + ")";
                    case "SQRT" -> "Math.sqrt(" + v.get(0) + ")";
                    case "CBRT" -> "Math.cbrt(" + v.get(0) + ")";
                    case "EXP" -> "Math.exp(" + v.get(0) + ")";
                    case "LN" -> "Math.log(" + v.get(0) + ")";
                    // LOG(x) is the natural logarithm, LOG(base, x) the logarithm to the base, as in Flink.
                    case "LOG" -> v.size() == 1 ? "Math.log(" + v.get(0) + ")"
                            : "MathFunctions.log(" + v.get(0) + ", " + v.get(1) + ")";
                    case "LOG2" -> "MathFunctions.log2(" + v.get(0) + ")";
                    case "SIN", "COS", "TAN", "ASIN", "ACOS", "ATAN", "SINH", "COSH", "TANH" ->
                            "Math." + name.toLowerCase(Locale.ROOT) + "(" + v.get(0) + ")";
                    case "ATAN2" -> "Math.atan2(" + v.get(0) + ", " + v.get(1) + ")";
                    case "COT" -> "(1.0d / Math.tan(" + v.get(0) + "))";
                    case "DEGREES" -> "Math.toDegrees(" + v.get(0) + ")";
                    case "RADIANS" -> "Math.toRadians(" + v.get(0) + ")";
                    case "PI" -> "Math.PI";
                    case "E" -> "Math.E";
                    default -> "Math.log10(" + v.get(0) + ")";
                });
            }
        }
    }

    private static RelDataType doubleType(RelDataTypeFactory types) {
        return types.createSqlType(SqlTypeName.DOUBLE);
    }
}
