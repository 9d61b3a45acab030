package io.sluice.planner.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * {@code CASE WHEN c1 THEN r1 ... ELSE e END} (and {@code COALESCE} and {@code IFNULL}, which are CASEs,
 * and {@code IF(c, a, b)}, whose operands are those of a CASE with one branch): only the
 * branch chosen is evaluated; each result is converted to the CASE's type.
 */
final class CaseGenerator implements CallGenerator {
    @Override
    public GeneratedExpression generate(ExpressionGenerator generator, RexCall call) {
        RelDataType type = call.getType();
        String javaType = JavaTypes.of(type);
        String result = generator.context().newName("v");
        String isNull = result + "_null";
        String block = result + "_chosen";
        StringBuilder code = new StringBuilder();
        code.append(javaType).append(' ').append(result).append(" = ").append(JavaTypes.defaultValue(javaType)).append(";\n");
        code.append("boolean ").append(isNull).append(" = true;\n");
        // A labeled block left once a branch is chosen keeps the code flat however many branches there are.
        code.append(block).append(": {\n");
        List<RexNode> operands = call.getOperands();
        if (call.getKind() == SqlKind.COALESCE || call.getOperator().getName().equals("IFNULL")) {
            for (RexNode operand : operands) {
                GeneratedExpression value = generator.generate(operand);
                code.append(value.code());
                code.append("if (!").append(value.isNull()).append(") {\n");
                assign(code, generator.convert(new GeneratedExpression("", value.value(), "false", value.type()), type),
                        result, isNull);
                code.append("break ").append(block).append(";\n}\n");
            }
        } else {
            for (int i = 0; i + 1 < operands.size(); i += 2) {
                GeneratedExpression condition = generator.generate(operands.get(i));
                code.append(condition.code());
                code.append("if (!").append(condition.isNull()).append(" && ").append(condition.value()).append(") {\n");
                assign(code, generator.convert(generator.generate(operands.get(i + 1)), type), result, isNull);
                code.append("break ").append(block).append(";\n}\n");
            }
            assign(code, generator.convert(generator.generate(operands.get(operands.size() - 1)), type), result, isNull);
        }
        code.append("}\n");
        return new GeneratedExpression(code.toString(), result, isNull, type);
    }

    private static void assign(StringBuilder code, GeneratedExpression value, String result, String isNull) {
        code.append(value.code());
        code.append(isNull).append(" = ").append(value.isNull()).append(";\n");
        code.append("if (!").append(isNull).append(") {\n").append(result).append(" = ").append(value.value())
                .append(";\n}\n");
    }
}
