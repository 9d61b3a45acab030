package io.sluice.planner.calcite;

import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * {@code FIRST_VALUE(x)} and {@code LAST_VALUE(x)} as Flink's aggregate functions: the first and
 * last non-null value of a group in arrival order. Calcite has them only as window functions
 * needing {@code OVER}.
 */
public final class FirstLastValueFunction extends SqlAggFunction {
    public static final FirstLastValueFunction FIRST_VALUE = new FirstLastValueFunction("FIRST_VALUE");
    public static final FirstLastValueFunction LAST_VALUE = new FirstLastValueFunction("LAST_VALUE");

    private FirstLastValueFunction(String name) {
        super(name, null, SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0_FORCE_NULLABLE, null, OperandTypes.ANY,
                SqlFunctionCategory.SYSTEM, false, false);
    }
}
