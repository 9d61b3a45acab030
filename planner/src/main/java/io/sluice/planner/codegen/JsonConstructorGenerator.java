package io.sluice.planner.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlJsonConstructorNullClause;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code JSON_STRING(v)}, {@code JSON_OBJECT([KEY] k VALUE v, … [NULL | ABSENT ON NULL])} and
 * {@code JSON_ARRAY(v, … [NULL | ABSENT ON NULL])} over {@link io.sluice.runtime.function.JsonFunctions}.
 * A value that is itself a JSON_OBJECT or JSON_ARRAY call (or text marked FORMAT JSON) is nested
 * as JSON, not quoted as text, as in Flink. Values are texts, numbers and booleans.
 */
final class JsonConstructorGenerator implements CallGenerator {
    static final List<String> NAMES = List.of("JSON_STRING", "JSON_OBJECT", "JSON_ARRAY");
    /** Calcite's marks on a value that is JSON already: a nested constructor, or text FORMAT JSON. */
    private static final Set<String> JSON_MARKS = Set.of("JSON_TYPE", "FORMAT JSON");

    @Override
    public GeneratedExpression generate(ExpressionGenerator generator, RexCall call) {
        String name = call.getOperator().getName();
        List<RexNode> operands = call.getOperands();
        if (name.equals("JSON_STRING")) {
            GeneratedExpression value = generator.generate(operands.get(0));
            return generator.strictExpression(call, List.of(value),
                    v -> "JsonFunctions.string(" + boxed(value.type(), v.get(0)) + ")");
        }
        boolean absentOnNull = ((RexLiteral) operands.get(0)).getValueAs(SqlJsonConstructorNullClause.class)
                == SqlJsonConstructorNullClause.ABSENT_ON_NULL;
        StringBuilder code = new StringBuilder();
        List<String> arguments = new ArrayList<>();
        for (RexNode operand : operands.subList(1, operands.size())) {
            boolean json = operand instanceof RexCall marked && JSON_MARKS.contains(marked.getOperator().getName());
            GeneratedExpression value = generator.generate(json ? ((RexCall) operand).getOperands().get(0) : operand);
            code.append(value.code());
            String boxed = json ? "JsonFunctions.nested(" + value.value() + ")" : boxed(value.type(), value.value());
            arguments.add(value.nullable() ? "(" + value.isNull() + " ? null : " + boxed + ")" : boxed);
        }
        String result = generator.context().newName("json");
        code.append("String ").append(result).append(" = JsonFunctions.").append(name.equals("JSON_OBJECT") ? "object" : "array")
                .append('(').append(absentOnNull).append(", new Object[] {").append(String.join(", ", arguments))
                .append("});\n");
        return new GeneratedExpression(code.toString(), result, "false", call.getType());
    }

    /** The value as the Java object JsonFunctions writes. */
    private static String boxed(RelDataType type, String value) {
        SqlTypeName name = type.getSqlTypeName();
        return switch (name) {
            case BOOLEAN -> "Boolean.valueOf(" + value + ")";
            case TINYINT, SMALLINT, INTEGER -> "Integer.valueOf(" + value + ")";
            case BIGINT -> "Long.valueOf(" + value + ")";
            case FLOAT, REAL -> "Float.valueOf(" + value + ")";
            case DOUBLE -> "Double.valueOf(" + value + ")";
            case DECIMAL, CHAR, VARCHAR -> value;
            case NULL -> "null";
            default -> throw ExpressionGenerator.unsupported("JSON values of type " + name);
        };
    }
}
