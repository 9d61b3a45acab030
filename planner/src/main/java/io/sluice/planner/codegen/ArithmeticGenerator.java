package io.sluice.planner.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * {@code + - * / %} and unary minus over numbers, and the datetime arithmetic Calcite expresses
 * with the same operators (timestamp plus interval, difference of timestamps). Integer
 * arithmetic wraps on overflow as in Java and Flink; division by zero fails the query (22012).
 */
final class ArithmeticGenerator implements CallGenerator {
    @Override
    public GeneratedExpression generate(ExpressionGenerator generator, RexCall call) {
        RelDataType resultType = call.getType();
        String javaType = JavaTypes.of(resultType);
        if (call.getKind() == SqlKind.MINUS_PREFIX) {
            GeneratedExpression operand = generator.convert(generator.generate(call.getOperands().get(0)), resultType);
            return generator.strictExpression(call, List.of(operand), v -> javaType.equals(JavaTypes.DECIMAL)
                    ? v.get(0) + ".negate()"
                    : wrap("(-" + v.get(0) + ")", resultType));
        }
        if (call.getKind() == SqlKind.PLUS_PREFIX) {
            return generator.convert(generator.generate(call.getOperands().get(0)), resultType);
        }
        GeneratedExpression left = generator.generate(call.getOperands().get(0));
        GeneratedExpression right = generator.generate(call.getOperands().get(1));
        if (isDatetime(left.type()) || isDatetime(right.type())) {
            return datetime(generator, call, left, right);
        }
        if (SqlTypeUtil.isInterval(resultType)) {
            return interval(generator, call, left, right);
        }
        if (javaType.equals(JavaTypes.DECIMAL)) {
            if (onLongs(call.getKind()) && unscaled(left) != null && unscaled(right) != null) {
                return decimalOnLongs(generator, call, left, right);
            }
            return decimal(generator, call, toDecimal(generator, left), toDecimal(generator, right));
        }
        // MOD's type is its divisor's, which may be narrower than the dividend: compute in the wider type.
        RelDataType computation = widest(generator.typeFactory(), resultType, left.type(), right.type());
        left = generator.convert(left, computation);
        right = generator.convert(right, computation);
        String operator = operator(call.getKind());
        String computationJava = JavaTypes.of(computation);
        boolean integral = computationJava.equals("int") || computationJava.equals("long");
        if (integral && (operator.equals("/") || operator.equals("%"))) {
            return generator.strict(call, List.of(left, right), (v, result) ->
                    "if (" + v.get(1) + " == 0) {\nthrow ArithmeticErrors.divisionByZero();\n}\n"
                            + result + " = " + wrap("(" + v.get(0) + " " + operator + " " + v.get(1) + ")", resultType)
                            + ";\n");
        }
        return generator.strictExpression(call, List.of(left, right),
                v -> wrap("(" + v.get(0) + " " + operator + " " + v.get(1) + ")", resultType));
    }

    /** Of a result type and the operand types, the one whose Java type holds all the others. */
    private static RelDataType widest(RelDataTypeFactory types, RelDataType result, RelDataType left,
                                      RelDataType right) {
        RelDataType widest = result;
        for (RelDataType operand : List.of(left, right)) {
            if (width(JavaTypes.of(operand)) > width(JavaTypes.of(widest))) {
                widest = operand;
            }
        }
        return types.createTypeWithNullability(widest, false);
    }

    private static int width(String javaType) {
        return switch (javaType) {
            case "int" -> 1;
            case "long" -> 2;
            case "float" -> 3;
            case "double" -> 4;
            default -> 0;
        };
    }

    /**
     * An integer result narrowed to its SQL type, so that TINYINT and SMALLINT arithmetic wraps
     * at 8 and 16 bits as Java's byte and short do (INT and BIGINT wrap by themselves).
     */
    static String wrap(String value, RelDataType type) {
        return switch (type.getSqlTypeName()) {
            case TINYINT -> "((int) (byte) " + value + ")";
            case SMALLINT -> "((int) (short) " + value + ")";
            default -> "((" + JavaTypes.of(type) + ") " + value + ")";
        };
    }

    /**
     * An operand of decimal arithmetic as a decimal of its own precision and scale, exactly:
     * converting it to the result's type first could round it or overflow (a divisor may have
     * more integer digits than the quotient).
     */
    private static GeneratedExpression toDecimal(ExpressionGenerator generator, GeneratedExpression operand) {
        if (operand.javaType().equals(JavaTypes.DECIMAL)) {
            return operand;
        }
        RelDataTypeFactory types = generator.typeFactory();
        RelDataType decimal = types.decimalOf(operand.type());
        return generator.convert(operand, types.createTypeWithNullability(decimal, operand.nullable()));
    }

    /** Exact decimal arithmetic, then rounded (half up) to the result's scale and checked against its precision. */
    private static GeneratedExpression decimal(ExpressionGenerator generator, RexCall call, GeneratedExpression left,
                                               GeneratedExpression right) {
        return generator.strictExpression(call, List.of(left, right),
                v -> bigDecimal(call.getKind(), call.getType(), v.get(0), v.get(1)));
    }

    private static String bigDecimal(SqlKind kind, RelDataType type, String left, String right) {
        String fit = ", " + type.getPrecision() + ", " + type.getScale() + ")";
        return switch (kind) {
            case PLUS -> "Decimals.fit(" + left + ".add(" + right + ")" + fit;
            case MINUS -> "Decimals.fit(" + left + ".subtract(" + right + ")" + fit;
            case TIMES -> "Decimals.fit(" + left + ".multiply(" + right + ")" + fit;
            case DIVIDE -> "Decimals.fit(Decimals.divide(" + left + ", " + right + ", " + type.getScale() + ")" + fit;
            default -> "Decimals.fit(Decimals.mod(" + left + ", " + right + ")" + fit;
        };
    }

    private static boolean onLongs(SqlKind kind) {
        return kind == SqlKind.PLUS || kind == SqlKind.MINUS || kind == SqlKind.TIMES;
    }

    /** An operand's unscaled long (an integer is a decimal of scale 0), or null when it has none. */
    private static String unscaled(GeneratedExpression operand) {
        String javaType = operand.javaType();
        return javaType.equals("int") || javaType.equals("long") ? "((long) " + operand.value() + ")" : operand.unscaled();
    }

    private static int scale(GeneratedExpression operand) {
        return SqlTypeUtil.isDecimal(operand.type()) ? operand.type().getScale() : 0;
    }

    /**
     * A sum, difference or product of operands held as unscaled longs, computed on the longs. In
     * a row where the result would not fit a long or its precision ({@code Decimals.NO_LONG}),
     * the BigDecimal arithmetic computes it again, and gives the same value or the same error as
     * for any other decimal. The result keeps its long, for arithmetic on it and for its output.
     */
    private static GeneratedExpression decimalOnLongs(ExpressionGenerator generator, RexCall call,
                                                      GeneratedExpression left, GeneratedExpression right) {
        RelDataType type = call.getType();
        int leftScale = scale(left);
        int rightScale = scale(right);
        String a = unscaled(left);
        String b = unscaled(right);
        String onLongs = switch (call.getKind()) {
            case TIMES -> "Decimals.multiply(" + a + ", " + b + ", " + (type.getScale() - leftScale - rightScale) + ", "
                    + type.getPrecision() + ")";
            default -> {
                int common = Math.max(leftScale, rightScale);
                yield "Decimals." + (call.getKind() == SqlKind.PLUS ? "add(" : "subtract(") + a + ", "
                        + (common - leftScale) + ", " + b + ", " + (common - rightScale) + ", "
                        + (type.getScale() - common) + ", " + type.getPrecision() + ")";
            }
        };
        String slow = bigDecimal(call.getKind(), type, bigDecimalOperand(left), bigDecimalOperand(right));
        String unscaled = generator.context().newName("u");
        GeneratedExpression big = generator.strict(call, List.of(left, right), (v, result) ->
                unscaled + " = " + onLongs + ";\n" + result + " = " + unscaled + " == Decimals.NO_LONG ? " + slow
                        + " : null;\n");
        if (big.alwaysNull()) {
            return big;
        }
        String value = "(" + big.value() + " == null ? java.math.BigDecimal.valueOf(" + unscaled + ", " + type.getScale()
                + ") : " + big.value() + ")";
        return new GeneratedExpression("long " + unscaled + " = 0L;\n" + big.code(), value, big.isNull(), type, unscaled);
    }

    /** An operand as a BigDecimal of its own precision and scale, as {@link #toDecimal} makes it. */
    private static String bigDecimalOperand(GeneratedExpression operand) {
        if (operand.javaType().equals(JavaTypes.DECIMAL)) {
            return operand.value();
        }
        return "java.math.BigDecimal.valueOf((long) " + operand.value() + ")";
    }

    /**
     * Intervals added to, subtracted from, multiplied or divided by each other or by numbers. An
     * interval is a number of milliseconds or months, so this is integer arithmetic on those;
     * a fractional factor or divisor gives a result truncated toward zero.
     */
    private static GeneratedExpression interval(ExpressionGenerator generator, RexCall call, GeneratedExpression left,
                                                GeneratedExpression right) {
        RelDataType type = call.getType();
        String javaType = JavaTypes.of(type);
        SqlKind kind = call.getKind();
        if (kind == SqlKind.PLUS || kind == SqlKind.MINUS) {
            String operator = operator(kind);
            return generator.strictExpression(call, List.of(left, right),
                    v -> "((" + javaType + ") (" + v.get(0) + " " + operator + " " + v.get(1) + "))");
        }
        boolean intervalFirst = SqlTypeUtil.isInterval(left.type());
        GeneratedExpression interval = intervalFirst ? left : right;
        GeneratedExpression number = intervalFirst ? right : left;
        if (!SqlTypeUtil.isExactNumeric(number.type()) || SqlTypeUtil.isDecimal(number.type())) {
            number = generator.convert(number, generator.typeFactory().createTypeWithNullability(
                    generator.typeFactory().createSqlType(SqlTypeName.DOUBLE), number.nullable()));
        }
        boolean divide = kind == SqlKind.DIVIDE;
        return generator.strict(call, List.of(interval, number), (v, result) -> (divide
                ? "if (" + v.get(1) + " == 0) {\nthrow ArithmeticErrors.divisionByZero();\n}\n" : "")
                + result + " = (" + javaType + ") (" + v.get(0) + (divide ? " / " : " * ") + v.get(1) + ");\n");
    }

    /** Timestamps, dates and times plus or minus intervals; differences of them as intervals. */
    private static GeneratedExpression datetime(ExpressionGenerator generator, RexCall call, GeneratedExpression left,
                                                GeneratedExpression right) {
        RelDataType type = call.getType();
        boolean minus = call.getKind() == SqlKind.MINUS;
        if (isDatetime(right.type()) && !isDatetime(left.type())) {
            GeneratedExpression swap = left;
            left = right;
            right = swap;
        }
        SqlTypeName leftType = left.type().getSqlTypeName();
        if (isDatetime(right.type())) {
            boolean months = JavaTypes.isYearMonth(type);
            boolean dates = leftType == SqlTypeName.DATE;
            return generator.strictExpression(call, List.of(left, right), v -> months
                    ? (dates ? "DateTimeFunctions.monthsBetween(" + v.get(1) + " * DateTimeFunctions.MILLIS_PER_DAY, "
                            + v.get(0) + " * DateTimeFunctions.MILLIS_PER_DAY)"
                            : "DateTimeFunctions.monthsBetween(" + v.get(1) + ", " + v.get(0) + ")")
                    : (dates ? "((long) " + v.get(0) + " - " + v.get(1) + ") * DateTimeFunctions.MILLIS_PER_DAY"
                            : "(" + v.get(0) + " - " + v.get(1) + ")"));
        }
        String sign = minus ? "-" : "";
        boolean yearMonth = JavaTypes.isYearMonth(right.type());
        if (leftType == SqlTypeName.TIME) {
            // A time plus an interval goes round the clock, as in Flink; months do not move it.
            return generator.strictExpression(call, List.of(left, right), v -> yearMonth ? v.get(0)
                    : "DateTimeFunctions.timeOfDay((long) " + v.get(0) + " " + (minus ? "-" : "+") + " " + v.get(1) + ")");
        }
        if (leftType == SqlTypeName.DATE) {
            return generator.strictExpression(call, List.of(left, right), v -> yearMonth
                    ? "DateTimeFunctions.addMonthsToDate(" + v.get(0) + ", " + sign + v.get(1) + ")"
                    : "(int) (" + v.get(0) + " " + (minus ? "-" : "+") + " " + v.get(1)
                            + " / DateTimeFunctions.MILLIS_PER_DAY)");
        }
        return generator.strictExpression(call, List.of(left, right), v -> yearMonth
                ? "DateTimeFunctions.addMonths(" + v.get(0) + ", " + sign + v.get(1) + ")"
                : "(" + v.get(0) + " " + (minus ? "-" : "+") + " " + v.get(1) + ")");
    }

    private static boolean isDatetime(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        return name == SqlTypeName.TIMESTAMP || name == SqlTypeName.DATE || name == SqlTypeName.TIME
                || name == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }

    private static String operator(SqlKind kind) {
        return switch (kind) {
            case PLUS -> "+";
            case MINUS -> "-";
            case TIMES -> "*";
            case DIVIDE -> "/";
            case MOD -> "%";
            default -> throw new IllegalArgumentException("not arithmetic: " + kind);
        };
    }
}
