package io.sluice.planner.calcite;

import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * {@code $AVG_MERGE(sum, count)}: the global step of a two-phase {@code AVG}, averaging partial
 * sums and counts that local steps computed. Never written by users; the planner makes its calls
 * with the type of the {@code AVG} it replaces.
 */
public final class AverageOfPartialsFunction extends SqlAggFunction {
    public static final String NAME = "$AVG_MERGE";
    public static final AverageOfPartialsFunction INSTANCE = new AverageOfPartialsFunction();

    private AverageOfPartialsFunction() {
        super(NAME, null, SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0_FORCE_NULLABLE, null, OperandTypes.ANY_ANY,
                SqlFunctionCategory.SYSTEM, false, false);
    }
}
