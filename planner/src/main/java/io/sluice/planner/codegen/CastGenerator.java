package io.sluice.planner.codegen;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * {@code CAST(x AS type)}. Numbers convert as in Java, except that a value outside the target
 * type's range fails the query with SQLState 22003 (integer arithmetic wraps, a CAST does not);
 * floating-point numbers and decimals become integers by truncation toward zero. Strings are
 * parsed, and a string that is not a value of the type fails with SQLState 22018; text is cut
 * to the length of a CHAR(n) or VARCHAR(n), and a CHAR(n) padded. A number becomes an interval
 * of a single unit ({@code CAST(3 AS INTERVAL DAY)}) and back. As in Flink, a BOOLEAN becomes the
 * number 1 or 0, and a number is TRUE when it is not 0.
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
    static String conversion(RelDataType from, RelDataType to, RelDataTypeFactory types) {
        SqlTypeName source = from.getSqlTypeName();
        SqlTypeName target = to.getSqlTypeName();
        if (SqlTypeUtil.isCharacter(to)) {
            return sized(toString(from), from, to);
        }
        if (SqlTypeUtil.isCharacter(from)) {
            return fromString(to, target);
        }
        if (isIntegerType(target) && SqlTypeUtil.isNumeric(from)) {
            return toInteger(from, to, types);
        }
        if (SqlTypeUtil.isDecimal(to) && SqlTypeUtil.isApproximateNumeric(from)) {
            return "Casts.doubleToDecimal($0, " + to.getPrecision() + ", " + to.getScale() + ")";
        }
        if (isTimestamp(target) && source == SqlTypeName.DATE) {
            return "((long) $0 * DateTimeFunctions.MILLIS_PER_DAY)";
        }
        if (target == SqlTypeName.DATE && isTimestamp(source)) {
            return "DateTimeFunctions.toDays($0)";
        }
        if (target == SqlTypeName.TIME && isTimestamp(source)) {
            return truncated("DateTimeFunctions.timeOfDay($0)", from, to);
        }
        if (isTimestamp(target) && source == SqlTypeName.TIME) {
            // The time on 1970-01-01, as in Flink (the standard would take the current date).
            return "((long) $0)";
        }
        if (target == SqlTypeName.TIME && source == SqlTypeName.TIME) {
            return truncated("$0", from, to);
        }
        if (isTimestamp(target) && isTimestamp(source)) {
            return truncated("$0", from, to);
        }
        if (SqlTypeUtil.isInterval(to) && SqlTypeUtil.isExactNumeric(from)) {
            return numberToInterval(from, to, types);
        }
        if (SqlTypeUtil.isExactNumeric(to) && SqlTypeUtil.isInterval(from)) {
            return Conversions.convert("($0 / " + unitSize(from) + ")", types.createSqlType(SqlTypeName.BIGINT), to);
        }
        boolean numbers = SqlTypeUtil.isNumeric(from) && SqlTypeUtil.isNumeric(to);
        boolean intervals = SqlTypeUtil.isInterval(from) && SqlTypeUtil.isInterval(to)
                && JavaTypes.isYearMonth(from) == JavaTypes.isYearMonth(to);
        if (numbers || intervals || source == target) {
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

    /** A number into TINYINT, SMALLINT, INTEGER or BIGINT, failing when it is out of the range. */
    private static String toInteger(RelDataType from, RelDataType to, RelDataTypeFactory types) {
        SqlTypeName target = to.getSqlTypeName();
        String bounds = ", " + min(target) + "L, " + max(target) + "L, \"" + target.getName() + "\")";
        String narrowed;
        if (SqlTypeUtil.isApproximateNumeric(from)) {
            narrowed = "Casts.truncate($0" + bounds;
        } else if (SqlTypeUtil.isDecimal(from)) {
            narrowed = "Casts.narrow(Decimals.toLong($0)" + bounds;
        } else if (rank(from.getSqlTypeName()) <= rank(target)) {
            return Conversions.convert("$0", from, to);
        } else {
            narrowed = "Casts.narrow($0" + bounds;
        }
        return Conversions.convert(narrowed, types.createSqlType(SqlTypeName.BIGINT), to);
    }

    /**
     * Text cut to the length of a CHAR(n) or VARCHAR(n), and a CHAR(n) padded with blanks to it,
     * as Flink does; a VARCHAR without a length, or one at least as long as the text can be, is
     * left alone.
     */
    private static String sized(String text, RelDataType from, RelDataType to) {
        int length = to.getPrecision();
        boolean bounded = length > 0 && length < Integer.MAX_VALUE;
        if (!bounded) {
            return text;
        }
        if (to.getSqlTypeName() == SqlTypeName.CHAR) {
            boolean sameChar = from.getSqlTypeName() == SqlTypeName.CHAR && from.getPrecision() == length;
            return sameChar ? text : "StringFunctions.toChar(" + text + ", " + length + ")";
        }
        boolean fits = SqlTypeUtil.isCharacter(from) && from.getPrecision() > 0 && from.getPrecision() <= length;
        return fits ? text : "StringFunctions.toVarchar(" + text + ", " + length + ")";
    }

    private static String toString(RelDataType from) {
        return switch (from.getSqlTypeName()) {
            case CHAR, VARCHAR -> "$0";
            case BOOLEAN -> "($0 ? \"TRUE\" : \"FALSE\")";
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "Casts.fromTimestamp($0, " + from.getPrecision() + ")";
            case TIME -> "Casts.fromTime($0, " + from.getPrecision() + ")";
            case DATE -> "Casts.fromDate($0)";
            case DECIMAL -> "Casts.fromDecimal($0)";
            case DOUBLE -> "Casts.fromDouble($0)";
            case FLOAT, REAL -> "Casts.fromFloat($0)";
            default -> SqlTypeUtil.isInterval(from)
                    ? (JavaTypes.isYearMonth(from) ? "Casts.fromIntervalYearMonth($0)" : "Casts.fromIntervalDayTime($0)")
                    : "String.valueOf($0)";
        };
    }

    private static String fromString(RelDataType to, SqlTypeName target) {
        return switch (target) {
            case BOOLEAN -> "Casts.toBoolean($0)";
            case TINYINT, SMALLINT -> "((int) Casts.toInteger($0, " + min(target) + "L, " + max(target) + "L, \""
                    + target.getName() + "\"))";
            case INTEGER -> "Casts.toInt($0)";
            case BIGINT -> "Casts.toLong($0)";
            case FLOAT, REAL -> "((float) Casts.toDouble($0))";
            case DOUBLE -> "Casts.toDouble($0)";
            case DECIMAL -> "Casts.toDecimal($0, " + to.getPrecision() + ", " + to.getScale() + ")";
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> to.getPrecision() < 3
                    ? truncateFraction(to.getPrecision()).replace("$0", "Casts.toTimestamp($0)")
                    : "Casts.toTimestamp($0)";
            case DATE -> "Casts.toDate($0)";
            case TIME -> to.getPrecision() < 3
                    ? truncateFraction(to.getPrecision()).replace("$0", "Casts.toTime($0)")
                    : "Casts.toTime($0)";
            default -> throw new SluiceException(ErrorCode.TYPE_MISMATCH,
                    "cannot cast a string to " + to.getFullTypeString());
        };
    }

    /** A number of the interval's single unit as the interval's milliseconds or months. */
    private static String numberToInterval(RelDataType from, RelDataType to, RelDataTypeFactory types) {
        RelDataType bigint = types.createSqlType(SqlTypeName.BIGINT);
        String value = SqlTypeUtil.isDecimal(from) ? "Decimals.toLong($0)" : Conversions.convert("$0", from, bigint);
        String scaled = "(" + value + " * " + unitSize(to) + ")";
        return JavaTypes.isYearMonth(to) ? Conversions.convert(scaled, bigint, to) : scaled;
    }

    /** Milliseconds (or months) in one of the interval's unit; only single-unit intervals convert to numbers. */
    private static String unitSize(RelDataType interval) {
        SqlIntervalQualifier qualifier = interval.getIntervalQualifier();
        TimeUnit unit = qualifier == null ? null : qualifier.getStartUnit();
        if (qualifier == null || !qualifier.isSingleDatetimeField()) {
            throw new SluiceException(ErrorCode.TYPE_MISMATCH,
                    "only an interval of one unit converts to and from a number, not " + interval.getFullTypeString());
        }
        return switch (unit) {
            case YEAR -> "12L";
            case MONTH -> "1L";
            case DAY -> "DateTimeFunctions.MILLIS_PER_DAY";
            case HOUR -> "DateTimeFunctions.MILLIS_PER_HOUR";
            case MINUTE -> "DateTimeFunctions.MILLIS_PER_MINUTE";
            case SECOND -> "DateTimeFunctions.MILLIS_PER_SECOND";
            default -> throw new SluiceException(ErrorCode.UNSUPPORTED,
                    "intervals of " + unit + " are not supported");
        };
    }

    /** A time or timestamp value, its fraction cut to the target's precision where that is below 3 and below the source's. */
    private static String truncated(String value, RelDataType from, RelDataType to) {
        boolean cut = to.getPrecision() < 3 && to.getPrecision() < from.getPrecision();
        return cut ? truncateFraction(to.getPrecision()).replace("$0", value) : value;
    }

    /** Drops the digits of a time's or timestamp's fraction beyond the precision (0 to 2). */
    private static String truncateFraction(int precision) {
        long unit = precision <= 0 ? 1000 : precision == 1 ? 100 : 10;
        return "($0 - Math.floorMod($0, " + unit + "))";
    }

    private static boolean isIntegerType(SqlTypeName name) {
        return rank(name) > 0;
    }

    /** Integer types by width, 0 for any other type. */
    private static int rank(SqlTypeName name) {
        return switch (name) {
            case TINYINT -> 1;
            case SMALLINT -> 2;
            case INTEGER -> 3;
            case BIGINT -> 4;
            default -> 0;
        };
    }

    private static long min(SqlTypeName integerType) {
        return switch (integerType) {
            case TINYINT -> Byte.MIN_VALUE;
            case SMALLINT -> Short.MIN_VALUE;
            case INTEGER -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
    }

    private static long max(SqlTypeName integerType) {
        return switch (integerType) {
            case TINYINT -> Byte.MAX_VALUE;
            case SMALLINT -> Short.MAX_VALUE;
            case INTEGER -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    private static boolean isTimestamp(SqlTypeName name) {
        return name == SqlTypeName.TIMESTAMP || name == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }
}
