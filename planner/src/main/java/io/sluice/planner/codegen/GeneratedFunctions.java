package io.sluice.planner.codegen;

import org.apache.calcite.sql.SqlOperator;

/** Whether the code generators compile calls of an operator (for listing the functions that run). */
public final class GeneratedFunctions {
    private GeneratedFunctions() {
    }

    public static boolean isGenerated(SqlOperator operator) {
        return CallGenerators.supports(operator);
    }
}
