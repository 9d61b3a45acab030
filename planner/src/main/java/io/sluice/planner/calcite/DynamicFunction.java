package io.sluice.planner.calcite;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;

/**
 * A function whose value depends on when a row is processed (the clock, the watermark): neither
 * deterministic nor ever folded into a constant at planning.
 */
abstract class DynamicFunction extends SqlFunction {
    DynamicFunction(String name, SqlReturnTypeInference returnType, SqlOperandTypeChecker operands) {
        super(name, SqlKind.OTHER_FUNCTION, returnType, null, operands, SqlFunctionCategory.TIMEDATE);
    }

    @Override
    public boolean isDynamicFunction() {
        return true;
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }
}
