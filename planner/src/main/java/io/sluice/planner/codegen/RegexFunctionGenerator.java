package io.sluice.planner.codegen;

import io.sluice.runtime.function.RegexFunctions;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code REGEXP(s, pattern)}, {@code REGEXP_EXTRACT(s, pattern [, group])} (the whole match without a
 * group, as in Flink) and
 * {@code REGEXP_REPLACE(s, pattern, replacement)} over RE2 patterns ({@link RegexFunctions}). A
 * literal pattern is compiled once, while the kernel is generated, and reaches the kernel as a
 * reference (an invalid one makes the call NULL, as Flink does); a pattern computed per row is
 * compiled through the runtime's cache.
 */
final class RegexFunctionGenerator implements CallGenerator {
    private static final String PATTERN = "com.google.re2j.Pattern";

    @Override
    public GeneratedExpression generate(ExpressionGenerator generator, RexCall call) {
        String name = call.getOperator().getName();
        GeneratedExpression text = generator.generate(call.getOperands().get(0));
        GeneratedExpression pattern = pattern(generator, call.getOperands().get(1));
        if (pattern == null) {
            return GeneratedExpression.nullOf(call.getType());
        }
        List<GeneratedExpression> operands = new ArrayList<>(List.of(text, pattern));
        for (RexNode rest : call.getOperands().subList(2, call.getOperands().size())) {
            operands.add(generator.generate(rest));
        }
        return switch (name) {
            case "REGEXP" -> generator.strictExpression(call, operands,
                    v -> "RegexFunctions.matches(" + v.get(0) + ", " + v.get(1) + ")");
            case "REGEXP_EXTRACT" -> generator.strictOrNull(call, operands,
                    v -> "RegexFunctions.extract(" + v.get(0) + ", " + v.get(1) + ", "
                            + (v.size() > 2 ? "(long) " + v.get(2) : "0L") + ")",
                    v -> v + " == null");
            default -> generator.strictExpression(call, operands,
                    v -> "RegexFunctions.replace(" + String.join(", ", v) + ")");
        };
    }

    /**
     * The compiled pattern as an expression that is null where the pattern is NULL or invalid;
     * null when the pattern is a literal that is not valid.
     */
    private static GeneratedExpression pattern(ExpressionGenerator generator, RexNode node) {
        String literal = literalText(node);
        var patternType = generator.typeFactory().createSqlType(SqlTypeName.VARCHAR);
        if (literal != null) {
            var compiled = RegexFunctions.compile(literal);
            if (compiled == null) {
                return null;
            }
            return new GeneratedExpression("", generator.context().reference(compiled, PATTERN), "false", patternType);
        }
        GeneratedExpression text = generator.generate(node);
        if (text.alwaysNull()) {
            return null;
        }
        String name = generator.context().newName("pattern");
        String code = text.code() + PATTERN + " " + name + " = " + text.isNull() + " ? null : RegexFunctions.cached("
                + text.value() + ");\n";
        return new GeneratedExpression(code, name, name + " == null",
                generator.typeFactory().createTypeWithNullability(patternType, true));
    }

    /** The text of a character literal, also under a CAST Calcite may have put around it; otherwise null. */
    private static String literalText(RexNode node) {
        RexNode inner = node.isA(SqlKind.CAST) ? ((RexCall) node).getOperands().get(0) : node;
        if (inner instanceof RexLiteral literal && !literal.isNull()
                && literal.getType().getSqlTypeName().getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER) {
            return literal.getValueAs(String.class);
        }
        return null;
    }
}
