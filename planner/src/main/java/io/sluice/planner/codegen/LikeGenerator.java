package io.sluice.planner.codegen;

import io.sluice.runtime.function.LikeMatcher;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.util.NlsString;

/**
 * {@code s [NOT] LIKE pattern [ESCAPE e]}. A constant pattern is compiled once, when the query is
 * planned, and the matcher is handed to the kernel as a reference.
 */
final class LikeGenerator implements CallGenerator {
    @Override
    public GeneratedExpression generate(ExpressionGenerator generator, RexCall call) {
        List<RexNode> operands = call.getOperands();
        boolean negated = call.getOperator() instanceof SqlLikeOperator like && like.isNegated();
        String not = negated ? "!" : "";
        GeneratedExpression subject = generator.generate(operands.get(0));
        boolean constantPattern = operands.subList(1, operands.size()).stream().allMatch(n -> n instanceof RexLiteral);
        if (constantPattern) {
            String pattern = string(operands.get(1));
            String escape = operands.size() > 2 ? string(operands.get(2)) : null;
            if (pattern == null || operands.size() > 2 && escape == null) {
                return GeneratedExpression.nullOf(call.getType());
            }
            String matcher = generator.context().reference(LikeMatcher.compile(pattern, escape),
                    LikeMatcher.class.getName());
            return generator.strictExpression(call, List.of(subject), v -> not + matcher + ".matches(" + v.get(0) + ")");
        }
        List<GeneratedExpression> all = generator.generateAll(operands);
        return generator.strictExpression(call, all, v -> not + "LikeMatcher.like(" + v.get(0) + ", " + v.get(1) + ", "
                + (v.size() > 2 ? v.get(2) : "null") + ")");
    }

    private static String string(RexNode node) {
        NlsString value = ((RexLiteral) node).getValueAs(NlsString.class);
        return value == null ? null : value.getValue();
    }
}
