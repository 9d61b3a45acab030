package io.sluice.planner.ddl;

import io.sluice.parser.ast.WatermarkDefinition;
import io.sluice.planner.catalog.Rowtime;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code WATERMARK FOR column AS expression}: bounded out-of-orderness, the form Flink users
 * write: {@code column} or {@code column - INTERVAL 'n' unit}.
 */
final class WatermarkDeclarations {
    private WatermarkDeclarations() {
    }

    static Rowtime rowtime(WatermarkDefinition watermark, RelDataType rowType) {
        RelDataTypeField field = rowType.getField(watermark.column(), true, false);
        if (field == null) {
            throw new SluiceException(ErrorCode.COLUMN_NOT_FOUND, "the watermark column '" + watermark.column()
                    + "' is not a column of the table", watermark.position().line(), watermark.position().column(), null);
        }
        SqlTypeName type = field.getType().getSqlTypeName();
        if (type != SqlTypeName.TIMESTAMP && type != SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
            throw new SluiceException(ErrorCode.TYPE_MISMATCH, "the watermark column '" + watermark.column()
                    + "' must be a TIMESTAMP(3), not " + field.getType().getFullTypeString(),
                    watermark.position().line(), watermark.position().column(), null);
        }
        SqlNode expression = watermark.expression();
        long delay = delay(expression, watermark.column());
        return new Rowtime(watermark.column(), field.getIndex(), delay, expression.toString());
    }

    private static long delay(SqlNode expression, String column) {
        if (isColumn(expression, column)) {
            return 0;
        }
        if (expression instanceof SqlBasicCall call && call.getKind() == SqlKind.MINUS
                && isColumn(call.operand(0), column) && call.operand(1) instanceof SqlIntervalLiteral interval) {
            Long millis = millis(interval);
            if (millis != null && millis >= 0) {
                return millis;
            }
        }
        SqlParserPos pos = expression.getParserPosition();
        throw new SluiceException(ErrorCode.UNSUPPORTED, "a watermark must be '" + column + "' or '" + column
                + " - INTERVAL ...' with a constant, non-negative interval", pos.getLineNum(), pos.getColumnNum(), null);
    }

    /** The interval's milliseconds; its text is parsed only here, so text that is no interval of its unit is an error here. */
    private static Long millis(SqlIntervalLiteral interval) {
        try {
            return interval.getValueAs(Long.class);
        } catch (RuntimeException e) {
            SqlParserPos pos = interval.getParserPosition();
            throw new SluiceException(ErrorCode.VALIDATION_ERROR, interval + " is not a valid interval", pos.getLineNum(),
                    pos.getColumnNum(), e);
        }
    }

    private static boolean isColumn(SqlNode node, String column) {
        return node instanceof SqlIdentifier identifier && identifier.isSimple() && identifier.getSimple().equals(column);
    }
}
