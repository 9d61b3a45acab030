package io.sluice.planner.calcite;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeCoercionRule;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit conversions, with three exceptions. A function's argument is converted only
 * within its kind, as Flink converts it: text is not taken for a number, a date or bytes, nor a
 * number or any other value for text (see {@link #implicitCast}). A boolean compared with a number is
 * converted only where a boolean may be cast to that number's type: Calcite converts {@code flag
 * = n} by casting the boolean to {@code n}'s type without asking whether it may (it asserts
 * instead, and fails on a DECIMAL); left alone, such a comparison is the validator's clear
 * "cannot apply" error. And an integer compared with a floating-point number is not cast to
 * DOUBLE, which would round a BIGINT beyond 2^53: the comparison compares the exact values.
 */
public final class SluiceTypeCoercion extends TypeCoercionImpl {
    public SluiceTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
        super(typeFactory, validator);
    }

    /**
     * Calcite would cast {@code 'x'} to the DECIMAL that {@code ABS} takes, or {@code 1} to the text
     * {@code SUBSTRING} takes: the call then fails as it runs, or in generated code, where Flink refuses
     * it. Refused here, the call is the validator's "no function" error with the forms that exist.
     */
    @Override
    public RelDataType implicitCast(RelDataType in, SqlTypeFamily expected) {
        RelDataType cast = super.implicitCast(in, expected);
        if (cast == null || cast == in || SqlTypeUtil.isNull(in)) {
            return cast;
        }
        return SqlTypeUtil.isCharacter(in) == SqlTypeUtil.isCharacter(cast) ? cast : null;
    }

    @Override
    public boolean binaryComparisonCoercion(SqlCallBinding binding) {
        List<RelDataType> types = binding.collectOperandTypes();
        boolean numbers = types.stream().allMatch(SqlTypeUtil::isNumeric);
        if (numbers && types.stream().anyMatch(SqlTypeUtil::isIntType)
                && types.stream().anyMatch(SqlTypeUtil::isApproximateNumeric)) {
            return false;
        }
        return super.binaryComparisonCoercion(binding);
    }

    /** {@code x IN (list)}: an integer among floating-point numbers is compared exactly, as {@code =} is. */
    @Override
    public boolean inOperationCoercion(SqlCallBinding binding) {
        RelDataType value = binding.getOperandType(0);
        RelDataType list = binding.getOperandType(1);
        if (!value.isStruct() && !list.isStruct() && isIntegerAndFloating(value, list)) {
            return false;
        }
        return super.inOperationCoercion(binding);
    }

    static boolean isIntegerAndFloating(RelDataType left, RelDataType right) {
        return SqlTypeUtil.isIntType(left) && SqlTypeUtil.isApproximateNumeric(right)
                || SqlTypeUtil.isApproximateNumeric(left) && SqlTypeUtil.isIntType(right);
    }

    @Override
    protected boolean booleanEquality(SqlCallBinding binding, RelDataType left, RelDataType right) {
        boolean leftIsBoolean = SqlTypeUtil.isBoolean(left);
        RelDataType bool = leftIsBoolean ? left : right;
        RelDataType number = leftIsBoolean ? right : left;
        SqlNode numberOperand = binding.operand(leftIsBoolean ? 1 : 0);
        // A number literal becomes a boolean literal: only a number that is not a literal casts the boolean.
        if (SqlTypeUtil.isBoolean(bool) && SqlTypeUtil.isNumeric(number) && numberOperand.getKind() != SqlKind.LITERAL
                && !SqlTypeUtil.canCastFrom(number, bool, SqlTypeCoercionRule.lenientInstance())) {
            return false;
        }
        return super.booleanEquality(binding, left, right);
    }
}
