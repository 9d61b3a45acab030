package io.sluice.planner.window;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.parser.SqlParserPos;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;

/**
 * Checks of the operands window table functions share: a table, a {@code DESCRIPTOR} naming its
 * TIMESTAMP time column, interval durations. Failures name the operand.
 */
final class WindowOperands {
    private WindowOperands() {
    }

    /** The row type of the table operand (under an optional PARTITION BY). */
    static RelDataType tableType(SqlCallBinding binding) {
        return binding.getValidator().getValidatedNodeType(table(binding.operand(0)));
    }

    static SqlNode table(SqlNode operand) {
        return operand.getKind() == SqlKind.SET_SEMANTICS_TABLE ? ((SqlCall) operand).operand(0) : operand;
    }

    /** The descriptor names one TIMESTAMP column of the table. */
    static boolean checkTimeColumn(SqlCallBinding binding, int ordinal, boolean throwOnFailure) {
        RelDataType table = tableType(binding);
        List<String> columns = descriptorColumns(binding.operand(ordinal));
        if (columns.size() != 1) {
            return fail(binding, binding.operand(ordinal), "the time column must be DESCRIPTOR(column) with one column",
                    throwOnFailure);
        }
        RelDataTypeField field = table.getField(columns.get(0), true, false);
        if (field == null) {
            return fail(binding, binding.operand(ordinal), "column '" + columns.get(0) + "' not found in the table",
                    throwOnFailure);
        }
        SqlTypeName type = field.getType().getSqlTypeName();
        if (type != SqlTypeName.TIMESTAMP && type != SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE) {
            return fail(binding, binding.operand(ordinal), "the time column '" + columns.get(0)
                    + "' must be a TIMESTAMP, not " + field.getType().getFullTypeString(), throwOnFailure);
        }
        return true;
    }

    /** The descriptor names existing columns of the table (session keys). */
    static boolean checkColumns(SqlCallBinding binding, int ordinal, boolean throwOnFailure) {
        RelDataType table = tableType(binding);
        for (String column : descriptorColumns(binding.operand(ordinal))) {
            if (table.getField(column, true, false) == null) {
                return fail(binding, binding.operand(ordinal), "column '" + column + "' not found in the table",
                        throwOnFailure);
            }
        }
        return true;
    }

    /** The operands from {@code first} on are day-time intervals. */
    static boolean checkIntervals(SqlCallBinding binding, int first, boolean throwOnFailure) {
        for (int i = first; i < binding.getOperandCount(); i++) {
            RelDataType type = binding.getOperandType(i);
            if (type.getSqlTypeName().getFamily() != SqlTypeFamily.INTERVAL_DAY_TIME) {
                return fail(binding, binding.operand(i), "expected an interval such as INTERVAL '10' SECOND, not "
                        + type.getFullTypeString(), throwOnFailure);
            }
        }
        return true;
    }

    static List<String> descriptorColumns(SqlNode node) {
        if (!(node instanceof SqlCall call) || call.getKind() != SqlKind.DESCRIPTOR) {
            return List.of();
        }
        return call.getOperandList().stream().map(n -> ((SqlIdentifier) n).getSimple()).toList();
    }

    private static boolean fail(SqlCallBinding binding, SqlNode where, String message, boolean throwOnFailure) {
        if (throwOnFailure) {
            SqlParserPos pos = where.getParserPosition();
            throw new SluiceException(ErrorCode.VALIDATION_ERROR, binding.getOperator().getName() + ": " + message,
                    pos.getLineNum(), pos.getColumnNum(), null);
        }
        return false;
    }
}
