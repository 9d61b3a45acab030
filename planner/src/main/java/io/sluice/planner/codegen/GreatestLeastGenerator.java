package io.sluice.planner.codegen;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;

/**
 * {@code GREATEST(v, ...)} and {@code LEAST(v, ...)}: the largest or smallest of the values
 * converted to the call's type; NULL when any value is NULL, as in Flink. Texts compare by code
 * point, as everywhere.
 */
final class GreatestLeastGenerator implements CallGenerator {
    @Override
    public GeneratedExpression generate(ExpressionGenerator generator, RexCall call) {
        boolean greatest = call.getOperator().getName().equals("GREATEST");
        RelDataType type = call.getType();
        List<GeneratedExpression> operands = new ArrayList<>();
        for (RexNode operand : call.getOperands()) {
            GeneratedExpression value = generator.generate(operand);
            operands.add(generator.convert(value, generator.typeFactory().createTypeWithNullability(type, value.nullable())));
        }
        String javaType = JavaTypes.of(type);
        return generator.strict(call, operands, (values, result) -> {
            StringBuilder code = new StringBuilder(result).append(" = ").append(values.get(0)).append(";\n");
            for (String value : values.subList(1, values.size())) {
                String comparison = compare(javaType, value, result);
                code.append("if (").append(comparison).append(greatest ? " > 0" : " < 0").append(") {\n")
                        .append(result).append(" = ").append(value).append(";\n}\n");
            }
            return code.toString();
        });
    }

    /** A Java int expression that compares {@code a} with {@code b} as values of the Java type. */
    private static String compare(String javaType, String a, String b) {
        return switch (javaType) {
            case "boolean" -> "Boolean.compare(" + a + ", " + b + ")";
            case "int" -> "Integer.compare(" + a + ", " + b + ")";
            case "long" -> "Long.compare(" + a + ", " + b + ")";
            case "float" -> "Float.compare(" + a + ", " + b + ")";
            case "double" -> "Double.compare(" + a + ", " + b + ")";
            case JavaTypes.STRING -> "StringFunctions.compare(" + a + ", " + b + ")";
            default -> a + ".compareTo(" + b + ")";
        };
    }
}
