package io.sluice.planner.calcite;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's {@code PROCTIME()}: the time the row is processed, a {@code TIMESTAMP_LTZ(3) NOT NULL}
 * read from the task's clock once per batch. Declared in DDL ({@code proc AS PROCTIME()}) it makes
 * a processing-time attribute. Dynamic, so that it is never folded into a constant at planning.
 */
public final class ProctimeFunction extends SqlFunction {
    public static final ProctimeFunction PROCTIME = new ProctimeFunction();

    private ProctimeFunction() {
        super("PROCTIME", SqlKind.OTHER_FUNCTION,
                binding -> binding.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3),
                null, OperandTypes.NILADIC, SqlFunctionCategory.TIMEDATE);
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
