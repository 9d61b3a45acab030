package io.sluice.planner.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's string functions beyond the standard ones: {@code CONCAT, CONCAT_WS, REPLACE,
 * SPLIT_INDEX, LPAD, RPAD, REVERSE, LEFT, RIGHT, REPEAT, LTRIM, RTRIM, LOCATE, INSTR, INITCAP,
 * ASCII, CHR, TO_BASE64, FROM_BASE64, MD5, SHA1, SHA256, URL_ENCODE, URL_DECODE, PARSE_URL,
 * HEX, BIN, IS_ALPHA, IS_DECIMAL, IS_DIGIT}. Each calls a runtime method over the operands'
 * values (the regular expressions are {@link RegexFunctionGenerator}'s).
 */
final class TextFunctionGenerator implements CallGenerator {
    static final Set<String> NAMES = Set.of("CONCAT", "CONCAT_WS", "REPLACE", "SPLIT_INDEX", "LPAD", "RPAD", "REVERSE",
            "LEFT", "RIGHT", "REPEAT", "LTRIM", "RTRIM", "LOCATE", "INSTR", "INITCAP", "ASCII", "CHR", "TO_BASE64",
            "FROM_BASE64", "MD5", "SHA1", "SHA256", "URL_ENCODE", "URL_DECODE", "PARSE_URL", "HEX", "BIN", "IS_ALPHA",
            "IS_DECIMAL", "IS_DIGIT");

    @Override
    public GeneratedExpression generate(ExpressionGenerator generator, RexCall call) {
        String name = call.getOperator().getName();
        switch (name) {
            case "CONCAT_WS" -> {
                return concatWs(generator, call);
            }
            case "IS_ALPHA", "IS_DECIMAL", "IS_DIGIT" -> {
                return characterTest(generator, call, name);
            }
            default -> {
            }
        }
        List<GeneratedExpression> operands = new ArrayList<>();
        for (int i = 0; i < call.getOperands().size(); i++) {
            GeneratedExpression operand = generator.generate(call.getOperands().get(i));
            operands.add(isInteger(operand.type()) ? asInt(generator, operand, name) : operand);
        }
        return switch (name) {
            case "SPLIT_INDEX", "URL_DECODE", "PARSE_URL" -> generator.strictOrNull(call, operands,
                    v -> call(name, v), v -> v + " == null");
            case "LPAD", "RPAD" -> generator.strictOrNull(call, operands,
                    v -> "StringFunctions.pad(" + String.join(", ", v) + ", " + name.equals("LPAD") + ")",
                    v -> v + " == null");
            default -> generator.strictExpression(call, operands, v -> call(name, v));
        };
    }

    private static String call(String name, List<String> v) {
        String args = String.join(", ", v);
        return switch (name) {
            case "CONCAT" -> "(" + String.join(" + ", v) + ")";
            case "REPLACE" -> "StringFunctions.replace(" + args + ")";
            case "SPLIT_INDEX" -> "StringFunctions.splitIndex(" + args + ")";
            case "REVERSE" -> "StringFunctions.reverse(" + args + ")";
            case "LEFT" -> "StringFunctions.left(" + args + ")";
            case "RIGHT" -> "StringFunctions.right(" + args + ")";
            case "REPEAT" -> "StringFunctions.repeat(" + args + ")";
            case "LTRIM" -> "StringFunctions.trim(StringFunctions.TRIM_LEADING, \" \", " + args + ")";
            case "RTRIM" -> "StringFunctions.trim(StringFunctions.TRIM_TRAILING, \" \", " + args + ")";
            case "LOCATE" -> "StringFunctions.locate(" + args + (v.size() == 2 ? ", 1" : "") + ")";
            // INSTR(s, needle) looks for its second operand in its first.
            case "INSTR" -> "StringFunctions.position(" + v.get(1) + ", " + v.get(0) + ")";
            case "INITCAP" -> "StringFunctions.initcap(" + args + ")";
            case "ASCII" -> "StringFunctions.ascii(" + args + ")";
            case "CHR" -> "StringFunctions.chr(" + args + ")";
            case "TO_BASE64" -> "EncodingFunctions.toBase64(" + args + ")";
            case "FROM_BASE64" -> "EncodingFunctions.fromBase64(" + args + ")";
            case "MD5" -> "EncodingFunctions.digest(\"MD5\", " + args + ")";
            case "SHA1" -> "EncodingFunctions.digest(\"SHA-1\", " + args + ")";
            case "SHA256" -> "EncodingFunctions.digest(\"SHA-256\", " + args + ")";
            case "URL_ENCODE" -> "EncodingFunctions.urlEncode(" + args + ")";
            case "URL_DECODE" -> "EncodingFunctions.urlDecode(" + args + ")";
            case "PARSE_URL" -> "EncodingFunctions.parseUrl(" + args + ")";
            case "HEX" -> "EncodingFunctions.hex(" + args + ")";
            case "BIN" -> "EncodingFunctions.bin(" + args + ")";
            default -> throw new IllegalArgumentException("not a text function: " + name);
        };
    }

    /** CONCAT_WS(separator, text...): the texts that are not NULL, joined by the separator; NULL when the separator is. */
    private static GeneratedExpression concatWs(ExpressionGenerator generator, RexCall call) {
        GeneratedExpression separator = generator.generate(call.getOperands().get(0));
        if (separator.alwaysNull()) {
            return GeneratedExpression.nullOf(call.getType());
        }
        String result = generator.context().newName("v");
        String first = result + "_first";
        StringBuilder code = new StringBuilder(separator.code());
        code.append("String ").append(result).append(" = null;\n");
        code.append("if (!").append(separator.isNull()).append(") {\n");
        code.append("StringBuilder ").append(result).append("_text = new StringBuilder();\n");
        code.append("boolean ").append(first).append(" = true;\n");
        for (int i = 1; i < call.getOperands().size(); i++) {
            GeneratedExpression text = generator.generate(call.getOperands().get(i));
            if (text.alwaysNull()) {
                continue;
            }
            code.append(text.code());
            code.append("if (!").append(text.isNull()).append(") {\n");
            code.append("if (!").append(first).append(") {\n").append(result).append("_text.append(")
                    .append(separator.value()).append(");\n}\n");
            code.append(result).append("_text.append(").append(text.value()).append(");\n");
            code.append(first).append(" = false;\n}\n");
        }
        code.append(result).append(" = ").append(result).append("_text.toString();\n}\n");
        return new GeneratedExpression(code.toString(), result, separator.nullable() ? result + " == null" : "false",
                call.getType());
    }

    /** IS_ALPHA, IS_DECIMAL, IS_DIGIT: FALSE for NULL, as in Flink. */
    private static GeneratedExpression characterTest(ExpressionGenerator generator, RexCall call, String name) {
        GeneratedExpression text = generator.generate(call.getOperands().get(0));
        if (text.alwaysNull()) {
            return new GeneratedExpression("", "false", "false", call.getType());
        }
        String method = switch (name) {
            case "IS_ALPHA" -> "isAlpha";
            case "IS_DECIMAL" -> "isDecimal";
            default -> "isDigit";
        };
        String value = "(!" + text.isNull() + " && StringFunctions." + method + "(" + text.value() + "))";
        String result = generator.context().newName("v");
        return new GeneratedExpression(text.code() + "boolean " + result + " = " + value + ";\n", result, "false",
                call.getType());
    }

    private static boolean isInteger(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        return name == SqlTypeName.TINYINT || name == SqlTypeName.SMALLINT || name == SqlTypeName.INTEGER
                || name == SqlTypeName.BIGINT;
    }

    /**
     * An integer operand as the Java int a runtime method takes; a BIGINT beyond an int's range
     * is taken as the nearest int (a count that large means "all" or "none" either way), except
     * for the code of CHR, HEX and BIN, which take the whole long.
     */
    private static GeneratedExpression asInt(ExpressionGenerator generator, GeneratedExpression operand, String name) {
        if (name.equals("CHR") || name.equals("HEX") || name.equals("BIN")) {
            return generator.convert(operand, generator.typeFactory().createTypeWithNullability(
                    generator.typeFactory().createSqlType(SqlTypeName.BIGINT), operand.nullable()));
        }
        if (operand.type().getSqlTypeName() != SqlTypeName.BIGINT) {
            return operand;
        }
        String value = "(int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, " + operand.value() + "))";
        return new GeneratedExpression(operand.code(), value, operand.isNull(),
                generator.typeFactory().createTypeWithNullability(
                        generator.typeFactory().createSqlType(SqlTypeName.INTEGER), operand.nullable()));
    }
}
