package io.sluice.planner.codegen;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * {@code RAND([seed])} and {@code RAND_INTEGER([seed,] bound)}: each kernel instance (one per
 * task) draws from a generator of its own, made with the seed when there is one, so two calls
 * with the same seed give the same sequence, as in Flink. A seed is a literal.
 */
final class RandomFunctionGenerator implements CallGenerator {
    @Override
    public GeneratedExpression generate(ExpressionGenerator generator, RexCall call) {
        String name = call.getOperator().getName();
        List<RexNode> operands = call.getOperands();
        boolean seeded = name.equals("RAND") ? operands.size() == 1 : operands.size() == 2;
        String seed = seeded ? seed(operands.get(0), name) : "";
        String random = generator.context().member("java.util.Random", "new java.util.Random(" + seed + ")");
        if (name.equals("RAND")) {
            return new GeneratedExpression("", random + ".nextDouble()", "false", call.getType());
        }
        GeneratedExpression bound = generator.generate(operands.get(operands.size() - 1));
        return generator.strictExpression(call, List.of(bound),
                v -> "MathFunctions.randomInteger(" + random + ", (int) " + v.get(0) + ")");
    }

    private static String seed(RexNode node, String name) {
        if (!(node instanceof RexLiteral literal) || literal.isNull()) {
            throw new SluiceException(ErrorCode.VALIDATION_ERROR, "the seed of " + name + " must be an integer literal");
        }
        return literal.getValueAs(Long.class) + "L";
    }
}
