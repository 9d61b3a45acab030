package io.sluice.planner.calcite;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeTransforms;

/**
 * Flink's {@code CURRENT_WATERMARK(rowtime)}: the watermark the row came behind where it is
 * computed, of the rowtime's type, or NULL when none has come yet. Dynamic, so never folded.
 */
public final class CurrentWatermarkFunction extends SqlFunction {
    public static final CurrentWatermarkFunction CURRENT_WATERMARK = new CurrentWatermarkFunction();

    private CurrentWatermarkFunction() {
        super("CURRENT_WATERMARK", SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0.andThen(SqlTypeTransforms.FORCE_NULLABLE),
                null, OperandTypes.family(SqlTypeFamily.TIMESTAMP), SqlFunctionCategory.TIMEDATE);
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
