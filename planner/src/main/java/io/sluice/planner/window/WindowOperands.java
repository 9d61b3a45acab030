package io.sluice.planner.window;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.parser.SqlParserPos;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.window.WindowKind;

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

    /**
     * The intervals from {@code first} on are literals; the window's lengths (size, slide, step,
     * gap) are positive, and a HOP's size is a multiple of its slide, a CUMULATE's of its step, as
     * slicing needs. The offset, which follows the lengths, may be any length.
     */
    static boolean checkLengths(SqlCallBinding binding, WindowKind kind, int first, boolean throwOnFailure) {
        List<String> names = switch (kind) {
            case HOP -> List.of("slide", "size");
            case CUMULATE -> List.of("step", "size");
            case SESSION -> List.of("gap");
            default -> List.of("size");
        };
        long[] millis = new long[names.size()];
        for (int i = first; i < binding.getOperandCount(); i++) {
            SqlNode operand = binding.operand(i);
            Long value = literalMillis(operand);
            if (value == null) {
                return fail(binding, operand,
                        "expected an interval literal such as INTERVAL '10' SECOND, not " + operand, throwOnFailure);
            }
            int length = i - first;
            if (length < names.size()) {
                if (value <= 0) {
                    return fail(binding, operand, "the " + names.get(length) + " must be positive, not " + operand,
                            throwOnFailure);
                }
                millis[length] = value;
            }
        }
        if (names.size() == 2 && millis[1] % millis[0] != 0) {
            return fail(binding, binding.operand(first + 1), "the size " + binding.operand(first + 1)
                    + " must be a multiple of the " + names.get(0) + " " + binding.operand(first), throwOnFailure);
        }
        return true;
    }

    /**
     * The milliseconds of an interval literal, negated or not; null for anything else. Literals
     * are checked before validation ({@code LiteralChecks}), so the text is one of its unit.
     */
    private static Long literalMillis(SqlNode node) {
        if (node instanceof SqlIntervalLiteral literal) {
            return literal.getValueAs(Long.class);
        }
        if (node.getKind() == SqlKind.MINUS_PREFIX
                && ((SqlCall) node).operand(0) instanceof SqlIntervalLiteral literal) {
            return -literal.getValueAs(Long.class);
        }
        return null;
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
