package io.sluice.planner.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
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
        if (call.getKind() == SqlKind.MINUS_PREFIX) {
            GeneratedExpression operand = generator.convert(generator.generate(call.getOperands().get(0)), resultType);
            return generator.strictExpression(call, List.of(operand),
                    v -> JavaTypes.of(resultType).equals(JavaTypes.DECIMAL) ? v.get(0) + ".negate()" : "(-" + v.get(0) + ")");
        }
        if (call.getKind() == SqlKind.PLUS_PREFIX) {
            return generator.convert(generator.generate(call.getOperands().get(0)), resultType);
        }
        GeneratedExpression left = generator.generate(call.getOperands().get(0));
        GeneratedExpression right = generator.generate(call.getOperands().get(1));
        if (isDatetime(left.type()) || isDatetime(right.type())) {
            return datetime(generator, call, left, right);
        }
        left = generator.convert(left, resultType);
        right = generator.convert(right, resultType);
        String javaType = JavaTypes.of(resultType);
        if (javaType.equals(JavaTypes.DECIMAL)) {
            return decimal(generator, call, left, right);
        }
        String operator = operator(call.getKind());
        boolean integral = javaType.equals("int") || javaType.equals("long");
        if (integral && (operator.equals("/") || operator.equals("%"))) {
            return generator.strict(call, List.of(left, right), (v, result) ->
                    "if (" + v.get(1) + " == 0) { throw ArithmeticErrors.divisionByZero(); }\n"
                            + result + " = (" + javaType + ") (" + v.get(0) + " " + operator + " " + v.get(1) + ");\n");
        }
        return generator.strictExpression(call, List.of(left, right),
                v -> "(" + javaType + ") (" + v.get(0) + " " + operator + " " + v.get(1) + ")");
    }

    private static GeneratedExpression decimal(ExpressionGenerator generator, RexCall call, GeneratedExpression left,
                                               GeneratedExpression right) {
        RelDataType type = call.getType();
        String fit = ", " + type.getPrecision() + ", " + type.getScale() + ")";
        return generator.strictExpression(call, List.of(left, right), v -> switch (call.getKind()) {
            case PLUS -> "Decimals.fit(" + v.get(0) + ".add(" + v.get(1) + ")" + fit;
            case MINUS -> "Decimals.fit(" + v.get(0) + ".subtract(" + v.get(1) + ")" + fit;
            case TIMES -> "Decimals.fit(" + v.get(0) + ".multiply(" + v.get(1) + ")" + fit;
            case DIVIDE -> "Decimals.fit(Decimals.divide(" + v.get(0) + ", " + v.get(1) + ", " + type.getScale() + ")" + fit;
            default -> "Decimals.fit(Decimals.mod(" + v.get(0) + ", " + v.get(1) + ")" + fit;
        });
    }

    /** Timestamps and dates plus or minus intervals; differences of timestamps as intervals. */
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
        return name == SqlTypeName.TIMESTAMP || name == SqlTypeName.DATE
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
