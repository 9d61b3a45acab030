package io.sluice.planner.calcite;

import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * Two-argument statistics Calcite's standard table lacks: {@code CORR(y, x)},
 * {@code REGR_SLOPE(y, x)} and {@code REGR_INTERCEPT(y, x)}, all DOUBLE, as in the SQL standard.
 */
public final class RegressionFunction extends SqlAggFunction {
    public static final RegressionFunction CORR = new RegressionFunction("CORR");
    public static final RegressionFunction REGR_SLOPE = new RegressionFunction("REGR_SLOPE");
    public static final RegressionFunction REGR_INTERCEPT = new RegressionFunction("REGR_INTERCEPT");

    private RegressionFunction(String name) {
        super(name, null, SqlKind.OTHER_FUNCTION, ReturnTypes.DOUBLE_NULLABLE, null, OperandTypes.NUMERIC_NUMERIC,
                SqlFunctionCategory.NUMERIC, false, false);
    }
}
