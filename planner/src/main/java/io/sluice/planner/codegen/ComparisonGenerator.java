package io.sluice.planner.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * {@code = <> < <= > >=} and {@code IS [NOT] DISTINCT FROM}. Operands of different numeric types
 * are compared in the wider one (decimals exactly), an integer and a floating-point number by
 * their exact values; strings by their code points, which is the order of their UTF-8 bytes.
 */
final class ComparisonGenerator implements CallGenerator {
    @Override
    public GeneratedExpression generate(ExpressionGenerator generator, RexCall call) {
        GeneratedExpression left = generator.generate(call.getOperands().get(0));
        GeneratedExpression right = generator.generate(call.getOperands().get(1));
        String domain = domain(left.javaType(), right.javaType());
        if (domain.equals(JavaTypes.DECIMAL)) {
            left = toDecimal(generator, left);
            right = toDecimal(generator, right);
        } else if (domain.equals("primitive")) {
            left = toPrimitive(generator, left);
            right = toPrimitive(generator, right);
        }
        SqlKind kind = call.getKind() == SqlKind.IS_DISTINCT_FROM || call.getKind() == SqlKind.IS_NOT_DISTINCT_FROM
                ? SqlKind.EQUALS : call.getKind();
        String template = isIntegerAndFloating(left.type(), right.type())
                ? exactTemplate(kind, "$0", "$1")
                : isIntegerAndFloating(right.type(), left.type())
                ? exactTemplate(kind.reverse(), "$1", "$0")
                : template(kind, domain);
        if (call.getKind() == SqlKind.IS_DISTINCT_FROM || call.getKind() == SqlKind.IS_NOT_DISTINCT_FROM) {
            boolean distinct = call.getKind() == SqlKind.IS_DISTINCT_FROM;
            if (left.alwaysNull() || right.alwaysNull()) {
                // Distinct from NULL is IS NOT NULL; there is no value to compare.
                GeneratedExpression other = left.alwaysNull() ? right : left;
                String result = generator.context().newName("v");
                return new GeneratedExpression(other.code() + "boolean " + result + " = " + (distinct ? "!" : "")
                        + "(" + other.isNull() + ");\n", result, "false", call.getType());
            }
            String equal = apply(template, left.value(), right.value());
            String same = "(" + left.isNull() + " && " + right.isNull() + ") || (!" + left.isNull() + " && !"
                    + right.isNull() + " && " + equal + ")";
            String result = generator.context().newName("v");
            String code = left.code() + right.code() + "boolean " + result + " = "
                    + (distinct ? "!" : "") + "(" + same + ");\n";
            return new GeneratedExpression(code, result, "false", call.getType());
        }
        return generator.strictExpression(call, List.of(left, right), v -> apply(template, v.get(0), v.get(1)));
    }

    /** The Java type both operands are compared in. */
    private static String domain(String left, String right) {
        if (left.equals(right)) {
            return left;
        }
        boolean decimal = left.equals(JavaTypes.DECIMAL) || right.equals(JavaTypes.DECIMAL);
        boolean floating = left.equals("double") || right.equals("double") || left.equals("float") || right.equals("float");
        return decimal && !floating ? JavaTypes.DECIMAL : "primitive";
    }

    private static GeneratedExpression toDecimal(ExpressionGenerator generator, GeneratedExpression operand) {
        if (operand.javaType().equals(JavaTypes.DECIMAL)) {
            return operand;
        }
        return generator.convert(operand, generator.typeFactory().createTypeWithNullability(
                generator.typeFactory().createSqlType(SqlTypeName.DECIMAL, 19, 0), operand.nullable()));
    }

    /** A decimal compared with a floating-point number is compared as a double. */
    private static GeneratedExpression toPrimitive(ExpressionGenerator generator, GeneratedExpression operand) {
        if (!operand.javaType().equals(JavaTypes.DECIMAL)) {
            return operand;
        }
        return generator.convert(operand, generator.typeFactory().createTypeWithNullability(
                generator.typeFactory().createSqlType(SqlTypeName.DOUBLE), operand.nullable()));
    }

    /** A TINYINT to BIGINT and a FLOAT or DOUBLE, in that order. */
    static boolean isIntegerAndFloating(RelDataType integer, RelDataType floating) {
        return SqlTypeUtil.isIntType(integer) && SqlTypeUtil.isApproximateNumeric(floating);
    }

    /**
     * An integer compared with a floating-point number by their exact values, as Flink does
     * (Java would round a BIGINT to a double first). NaN is unordered: only {@code <>} holds.
     */
    private static String exactTemplate(SqlKind kind, String integer, String floating) {
        String compared = "NumberComparison.compare(" + integer + ", " + floating + ") " + operator(kind) + " 0";
        return kind == SqlKind.NOT_EQUALS
                ? "(Double.isNaN(" + floating + ") || " + compared + ")"
                : "(!Double.isNaN(" + floating + ") && " + compared + ")";
    }

    private static String apply(String template, String left, String right) {
        return template.replace("$0", left).replace("$1", right);
    }

    private static String operator(SqlKind kind) {
        return switch (kind) {
            case EQUALS -> "==";
            case NOT_EQUALS -> "!=";
            case LESS_THAN -> "<";
            case LESS_THAN_OR_EQUAL -> "<=";
            case GREATER_THAN -> ">";
            case GREATER_THAN_OR_EQUAL -> ">=";
            default -> throw new IllegalArgumentException("not a comparison: " + kind);
        };
    }

    private static String template(SqlKind kind, String domain) {
        String operator = operator(kind);
        if (domain.equals(JavaTypes.STRING) && (kind == SqlKind.EQUALS || kind == SqlKind.NOT_EQUALS)) {
            return (kind == SqlKind.EQUALS ? "" : "!") + "$0.equals($1)";
        }
        if (domain.equals(JavaTypes.STRING)) {
            return "(StringFunctions.compare($0, $1) " + operator + " 0)";
        }
        if (domain.equals(JavaTypes.DECIMAL)) {
            return "($0.compareTo($1) " + operator + " 0)";
        }
        if (domain.equals("boolean")) {
            return "(Boolean.compare($0, $1) " + operator + " 0)";
        }
        return "($0 " + operator + " $1)";
    }
}
