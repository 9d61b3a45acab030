package io.sluice.planner.codegen;

import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * {@code AND}, {@code OR}, {@code NOT} and the {@code IS} tests, with SQL's three-valued logic:
 * {@code FALSE AND NULL} is false, {@code TRUE OR NULL} is true, otherwise a null operand makes
 * the result null. {@code AND} and {@code OR} stop at the first operand that decides them.
 */
final class LogicalGenerator implements CallGenerator {
    @Override
    public GeneratedExpression generate(ExpressionGenerator generator, RexCall call) {
        SqlKind kind = call.getKind();
        if (kind == SqlKind.AND || kind == SqlKind.OR) {
            return junction(generator, call, kind == SqlKind.AND);
        }
        GeneratedExpression operand = generator.generate(call.getOperands().get(0));
        if (kind == SqlKind.NOT) {
            return generator.strictExpression(call, List.of(operand), v -> "!" + v.get(0));
        }
        String a = operand.value();
        String n = operand.isNull();
        String test = switch (kind) {
            case IS_NULL -> n;
            case IS_NOT_NULL -> "!" + n;
            case IS_TRUE -> "!" + n + " && " + a;
            case IS_FALSE -> "!" + n + " && !" + a;
            case IS_NOT_TRUE -> n + " || !" + a;
            case IS_NOT_FALSE -> n + " || " + a;
            default -> throw new IllegalArgumentException("not a logical operator: " + kind);
        };
        String result = generator.context().newName("v");
        return new GeneratedExpression(operand.code() + "boolean " + result + " = " + test + ";\n", result, "false",
                call.getType());
    }

    /**
     * Each operand is evaluated only if the ones before did not decide the result: a labeled
     * block is left at the first deciding operand (false for AND, true for OR). The block keeps
     * the code flat however many operands there are.
     */
    private static GeneratedExpression junction(ExpressionGenerator generator, RexCall call, boolean and) {
        String result = generator.context().newName("v");
        String isNull = result + "_null";
        String block = result + "_decided";
        String decided = and ? "false" : "true";
        StringBuilder code = new StringBuilder();
        code.append("boolean ").append(result).append(" = ").append(and ? "true" : "false").append(";\n");
        code.append("boolean ").append(isNull).append(" = false;\n");
        code.append(block).append(": {\n");
        for (RexNode node : call.getOperands()) {
            GeneratedExpression operand = generator.generate(node);
            code.append(operand.code());
            code.append("if (!").append(operand.isNull()).append(" && ").append(and ? "!" : "").append(operand.value())
                    .append(") {\n").append(result).append(" = ").append(decided).append(";\n")
                    .append(isNull).append(" = false;\nbreak ").append(block).append(";\n}\n");
            if (operand.nullable()) {
                code.append(isNull).append(" = ").append(isNull).append(" || ").append(operand.isNull()).append(";\n");
            }
        }
        code.append("}\n");
        return new GeneratedExpression(code.toString(), result, isNull, call.getType());
    }
}
