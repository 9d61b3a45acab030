package io.sluice.planner.codegen;

import org.apache.calcite.rex.RexCall;

/** Generates the code of one kind of call (an operator or function). */
@FunctionalInterface
interface CallGenerator {
    GeneratedExpression generate(ExpressionGenerator generator, RexCall call);
}
