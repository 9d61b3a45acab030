package io.sluice.planner.calcite;

import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * Flink's {@code SUBSTR(s, start [, length])}: {@code SUBSTRING(s FROM start [FOR length])} in
 * the form of a function call. Calcite's own SUBSTR functions take a dialect's rules for a start
 * of 0 or below; this one is generated as SUBSTRING is.
 */
public final class SubstrFunction {
    public static final SqlFunction SUBSTR = SqlBasicFunction.create("SUBSTR", ReturnTypes.ARG0_NULLABLE_VARYING,
            OperandTypes.STRING_INTEGER_OPTIONAL_INTEGER, SqlFunctionCategory.STRING);

    private SubstrFunction() {
    }
}
