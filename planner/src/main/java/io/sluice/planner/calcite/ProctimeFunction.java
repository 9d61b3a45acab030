package io.sluice.planner.calcite;

import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's {@code PROCTIME()}: the time the row is processed, a {@code TIMESTAMP_LTZ(3) NOT NULL}
 * read from the task's clock once per batch. Declared in DDL ({@code proc AS PROCTIME()}) it makes
 * a processing-time attribute.
 */
public final class ProctimeFunction extends DynamicFunction {
    public static final ProctimeFunction PROCTIME = new ProctimeFunction();

    private ProctimeFunction() {
        super("PROCTIME",
                binding -> binding.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3),
                OperandTypes.NILADIC);
    }
}
