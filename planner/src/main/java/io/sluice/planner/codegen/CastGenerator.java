package io.sluice.planner.codegen;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * {@code CAST(x AS type)}. Between numbers it follows Java's conversions (as Flink does), with a
 * range check from DECIMAL; strings are parsed, and a string that is not a value of the type
 * fails the query with SQLState 22018.
 */
final class CastGenerator implements CallGenerator {
    @Override
    public GeneratedExpression generate(ExpressionGenerator generator, RexCall call) {
        GeneratedExpression operand = generator.generate(call.getOperands().get(0));
        RelDataType from = operand.type();
        RelDataType to = call.getType();
        String conversion = conversion(from, to, generator.typeFactory());
        return generator.strictExpression(call, List.of(operand), v -> conversion.replace("$0", v.get(0)));
    }

    /** A Java expression template converting {@code $0} of type {@code from} to {@code to}. */
    private static String conversion(RelDataType from, RelDataType to, RelDataTypeFactory types) {
        SqlTypeName source = from.getSqlTypeName();
        SqlTypeName target = to.getSqlTypeName();
        String fromJava = JavaTypes.of(from);
        String toJava = JavaTypes.of(to);
        if (SqlTypeUtil.isCharacter(to)) {
            return toString(source, fromJava);
        }
        if (SqlTypeUtil.isCharacter(from)) {
            return fromString(to, target);
        }
        if (target == SqlTypeName.TINYINT || target == SqlTypeName.SMALLINT) {
            String narrow = target == SqlTypeName.TINYINT ? "byte" : "short";
            RelDataType bigint = types.createSqlType(SqlTypeName.BIGINT);
            return "((int) (" + narrow + ") " + Conversions.convert("$0", from, bigint) + ")";
        }
        if (isTimestamp(target) && source == SqlTypeName.DATE) {
            return "((long) $0 * DateTimeFunctions.MILLIS_PER_DAY)";
        }
        if (target == SqlTypeName.DATE && isTimestamp(source)) {
            return "((int) Math.floorDiv($0, DateTimeFunctions.MILLIS_PER_DAY))";
        }
        if (isTimestamp(target) && isTimestamp(source)) {
            return to.getPrecision() == 0 && from.getPrecision() > 0 ? "($0 - Math.floorMod($0, 1000L))" : "$0";
        }
        boolean numbers = SqlTypeUtil.isNumeric(from) && SqlTypeUtil.isNumeric(to);
        boolean intervals = SqlTypeUtil.isInterval(from) && SqlTypeUtil.isInterval(to)
                && JavaTypes.isYearMonth(from) == JavaTypes.isYearMonth(to);
        if (numbers || intervals || (fromJava.equals(toJava) && source == target)) {
            return Conversions.convert("$0", from, to);
        }
        if (source == SqlTypeName.BOOLEAN && SqlTypeUtil.isNumeric(to)) {
            return Conversions.convert("($0 ? 1 : 0)", types.createSqlType(SqlTypeName.INTEGER), to);
        }
        if (target == SqlTypeName.BOOLEAN && SqlTypeUtil.isNumeric(from)) {
            return SqlTypeUtil.isDecimal(from) ? "($0.signum() != 0)" : "($0 != 0)";
        }
        throw new SluiceException(ErrorCode.TYPE_MISMATCH,
                "cannot cast " + from.getFullTypeString() + " to " + to.getFullTypeString());
    }

    private static String toString(SqlTypeName source, String fromJava) {
        return switch (source) {
            case CHAR, VARCHAR -> "$0";
            case BOOLEAN -> "($0 ? \"TRUE\" : \"FALSE\")";
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "Casts.fromTimestamp($0)";
            case DATE -> "Casts.fromDate($0)";
            case DECIMAL -> "Casts.fromDecimal($0)";
            case DOUBLE, FLOAT, REAL -> "Casts.fromDouble($0)";
            default -> "String.valueOf($0)";
        };
    }

    private static String fromString(RelDataType to, SqlTypeName target) {
        return switch (target) {
            case BOOLEAN -> "Casts.toBoolean($0)";
            case TINYINT -> "((int) (byte) Casts.toInt($0))";
            case SMALLINT -> "((int) (short) Casts.toInt($0))";
            case INTEGER -> "Casts.toInt($0)";
            case BIGINT -> "Casts.toLong($0)";
            case FLOAT, REAL -> "((float) Casts.toDouble($0))";
            case DOUBLE -> "Casts.toDouble($0)";
            case DECIMAL -> "Casts.toDecimal($0, " + to.getPrecision() + ", " + to.getScale() + ")";
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "Casts.toTimestamp($0)";
            case DATE -> "Casts.toDate($0)";
            default -> throw new SluiceException(ErrorCode.TYPE_MISMATCH,
                    "cannot cast a string to " + to.getFullTypeString());
        };
    }

    private static boolean isTimestamp(SqlTypeName name) {
        return name == SqlTypeName.TIMESTAMP || name == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }
}
