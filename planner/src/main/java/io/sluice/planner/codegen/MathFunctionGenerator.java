package io.sluice.planner.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;

/** Numeric functions: {@code ABS, MOD, FLOOR, CEIL, ROUND, POWER, SQRT, EXP, LN, LOG10, SIGN}. */
final class MathFunctionGenerator implements CallGenerator {
    @Override
    public GeneratedExpression generate(ExpressionGenerator generator, RexCall call) {
        String name = call.getOperator().getName();
        RelDataType type = call.getType();
        String javaType = JavaTypes.of(type);
        boolean decimal = javaType.equals(JavaTypes.DECIMAL);
        if (name.equals("MOD")) {
            return new ArithmeticGenerator().generate(generator, call);
        }
        List<GeneratedExpression> operands = generator.generateAll(call.getOperands());
        if (name.equals("ABS") || name.equals("FLOOR") || name.equals("CEIL") || name.equals("SIGN")) {
            GeneratedExpression operand = generator.convert(operands.get(0), type);
            boolean integral = javaType.equals("int") || javaType.equals("long");
            return generator.strictExpression(call, List.of(operand), v -> switch (name) {
                case "ABS" -> decimal ? v.get(0) + ".abs()" : "Math.abs(" + v.get(0) + ")";
                case "SIGN" -> decimal ? "java.math.BigDecimal.valueOf(" + v.get(0) + ".signum())"
                        : "(" + javaType + ") Math.signum((double) " + v.get(0) + ")";
                default -> integral ? v.get(0)
                        : decimal ? "Decimals." + name.toLowerCase(java.util.Locale.ROOT) + "(" + v.get(0) + ")"
                        : "(" + javaType + ") Math." + name.toLowerCase(java.util.Locale.ROOT) + "(" + v.get(0) + ")";
            });
        }
        if (name.equals("ROUND") && decimal) {
            return generator.strictExpression(call, operands, v -> "Decimals.fit(Decimals.round(" + v.get(0) + ", "
                    + (v.size() > 1 ? v.get(1) : "0") + "), " + type.getPrecision() + ", " + type.getScale() + ")");
        }
        if (name.equals("ROUND")) {
            return generator.strictExpression(call, operands, v -> "(" + javaType + ") (Math.round(" + v.get(0)
                    + " * Math.pow(10, " + (v.size() > 1 ? v.get(1) : "0") + ")) / Math.pow(10, "
                    + (v.size() > 1 ? v.get(1) : "0") + "))");
        }
        List<GeneratedExpression> doubles = operands.stream()
                .map(o -> generator.convert(o, generator.typeFactory().createTypeWithNullability(
                        generator.typeFactory().createSqlType(org.apache.calcite.sql.type.SqlTypeName.DOUBLE), o.nullable())))
                .toList();
        return generator.strictExpression(call, doubles, v -> switch (name) {
            case "POWER" -> "Math.pow(" + v.get(0) + ", " + v.get(1) + ")";
            case "SQRT" -> "Math.sqrt(" + v.get(0) + ")";
            case "EXP" -> "Math.exp(" + v.get(0) + ")";
            case "LN" -> "Math.log(" + v.get(0) + ")";
            default -> "Math.log10(" + v.get(0) + ")";
        });
    }
}
