package io.sluice.planner.codegen;

import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.fun.SqlTrimFunction;

/** String functions: {@code UPPER, LOWER, CHAR_LENGTH, SUBSTRING, SUBSTR, TRIM, POSITION, ||}. */
final class StringFunctionGenerator implements CallGenerator {
    @Override
    public GeneratedExpression generate(ExpressionGenerator generator, RexCall call) {
        String name = call.getOperator().getName();
        if (name.equals("TRIM")) {
            SqlTrimFunction.Flag flag = ((RexLiteral) call.getOperands().get(0)).getValueAs(SqlTrimFunction.Flag.class);
            String mode = switch (flag) {
                case BOTH -> "StringFunctions.TRIM_BOTH";
                case LEADING -> "StringFunctions.TRIM_LEADING";
                case TRAILING -> "StringFunctions.TRIM_TRAILING";
            };
            List<GeneratedExpression> operands = generator.generateAll(call.getOperands().subList(1, 3));
            return generator.strictExpression(call, operands,
                    v -> "StringFunctions.trim(" + mode + ", " + v.get(0) + ", " + v.get(1) + ")");
        }
        List<GeneratedExpression> operands = generator.generateAll(call.getOperands());
        return generator.strictExpression(call, operands, v -> switch (name) {
            case "UPPER" -> "StringFunctions.upper(" + v.get(0) + ")";
            case "LOWER" -> "StringFunctions.lower(" + v.get(0) + ")";
            case "CHAR_LENGTH", "CHARACTER_LENGTH" -> "StringFunctions.charLength(" + v.get(0) + ")";
            case "SUBSTRING", "SUBSTR" -> "StringFunctions.substring(" + String.join(", ", v) + ")";
            case "POSITION" -> "StringFunctions.position(" + String.join(", ", v) + ")";
            case "||" -> "(" + String.join(" + ", v) + ")";
            default -> throw new IllegalArgumentException("not a string function: " + name);
        });
    }
}
