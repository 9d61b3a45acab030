package io.sluice.planner.calcite;

import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeTransforms;

/**
 * Flink's {@code CURRENT_WATERMARK(rowtime)}: the watermark the row came behind where it is
 * computed, of the rowtime's type, or NULL when none has come yet.
 */
public final class CurrentWatermarkFunction extends DynamicFunction {
    public static final CurrentWatermarkFunction CURRENT_WATERMARK = new CurrentWatermarkFunction();

    private CurrentWatermarkFunction() {
        super("CURRENT_WATERMARK", ReturnTypes.ARG0.andThen(SqlTypeTransforms.FORCE_NULLABLE),
                OperandTypes.family(SqlTypeFamily.TIMESTAMP));
    }
}
