package io.sluice.planner.codegen;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.function.JsonFunctions;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlJsonEmptyOrError;
import org.apache.calcite.sql.SqlJsonExistsErrorBehavior;
import org.apache.calcite.sql.SqlJsonQueryEmptyOrErrorBehavior;
import org.apache.calcite.sql.SqlJsonQueryWrapperBehavior;
import org.apache.calcite.sql.SqlJsonValueEmptyOrErrorBehavior;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * {@code s IS [NOT] JSON [VALUE | OBJECT | ARRAY | SCALAR]}, {@code JSON_EXISTS},
 * {@code JSON_VALUE} (with {@code RETURNING} and {@code NULL | ERROR | DEFAULT x ON EMPTY / ON
 * ERROR}) and {@code JSON_QUERY} (with its wrappers and NULL or ERROR behaviours) over
 * {@link JsonFunctions}. A literal path is compiled once, at planning.
 */
final class JsonFunctionGenerator implements CallGenerator {
    private static final String PATH = "io.sluice.runtime.function.JsonFunctions.Path";

    @Override
    public GeneratedExpression generate(ExpressionGenerator generator, RexCall call) {
        String name = call.getOperator().getName();
        List<RexNode> operands = call.getOperands();
        if (name.startsWith("IS ")) {
            boolean negated = name.startsWith("IS NOT ");
            int kind = name.endsWith("OBJECT") ? 1 : name.endsWith("ARRAY") ? 2 : name.endsWith("SCALAR") ? 3 : 0;
            GeneratedExpression text = generator.generate(operands.get(0));
            return generator.strictExpression(call, List.of(text),
                    v -> (negated ? "!" : "") + "JsonFunctions.isJson(" + v.get(0) + ", " + kind + ")");
        }
        GeneratedExpression json = generator.generate(operands.get(0));
        GeneratedExpression path = path(generator, operands.get(1));
        return switch (name) {
            case "JSON_EXISTS" -> exists(generator, call, json, path);
            case "JSON_VALUE" -> value(generator, call, json, path);
            case "JSON_QUERY" -> query(generator, call, json, path);
            default -> throw ExpressionGenerator.unsupported(name + " calls");
        };
    }

    private static GeneratedExpression exists(ExpressionGenerator generator, RexCall call, GeneratedExpression json,
                                              GeneratedExpression path) {
        SqlJsonExistsErrorBehavior onError = call.getOperands().size() > 2
                ? ((RexLiteral) call.getOperands().get(2)).getValueAs(SqlJsonExistsErrorBehavior.class)
                : SqlJsonExistsErrorBehavior.FALSE;
        String error = switch (onError) {
            case TRUE -> "Boolean.TRUE";
            case FALSE -> "Boolean.FALSE";
            case UNKNOWN -> "null";
            case ERROR -> "null";
        };
        if (onError == SqlJsonExistsErrorBehavior.ERROR) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "JSON_EXISTS ... ERROR ON ERROR is not supported yet");
        }
        return generator.strictOrNull(call, List.of(json, path),
                v -> "JsonFunctions.exists(" + v.get(0) + ", " + v.get(1) + ", " + error + ") == Boolean.TRUE",
                v -> "false");
    }

    /** JSON_VALUE's answer, then its ON EMPTY and ON ERROR behaviours, then the RETURNING type. */
    private static GeneratedExpression value(ExpressionGenerator generator, RexCall call, GeneratedExpression json,
                                             GeneratedExpression path) {
        List<RexNode> operands = call.getOperands();
        String onEmpty = "";
        String onError = "";
        RelDataType type = call.getType();
        String result = generator.context().newName("v");
        String isNull = result + "_null";
        int i = 2;
        while (i < operands.size()) {
            SqlJsonValueEmptyOrErrorBehavior behavior =
                    ((RexLiteral) operands.get(i)).getValueAs(SqlJsonValueEmptyOrErrorBehavior.class);
            GeneratedExpression fallback = null;
            if (behavior == SqlJsonValueEmptyOrErrorBehavior.DEFAULT) {
                // The default becomes the RETURNING type as a CAST would make it (DEFAULT FALSE gives 'false').
                GeneratedExpression given = generator.generate(operands.get(++i));
                // Flink writes a BOOLEAN default as Java does ('false'), not as CAST does ('FALSE').
                String cast = given.type().getSqlTypeName() == SqlTypeName.BOOLEAN && SqlTypeUtil.isCharacter(type)
                        ? "String.valueOf($0)" : CastGenerator.conversion(given.type(), type, generator.typeFactory());
                fallback = given.alwaysNull() ? GeneratedExpression.nullOf(type)
                        : generator.strictExpression(call, List.of(given), v -> cast.replace("$0", v.get(0)));
            }
            SqlJsonEmptyOrError when = ((RexLiteral) operands.get(++i)).getValueAs(SqlJsonEmptyOrError.class);
            String code = switch (behavior) {
                case NULL -> "";
                case ERROR -> "throw JsonFunctions.failure(\"JSON_VALUE\", " + json.value() + ");\n";
                case DEFAULT -> fallback.code() + isNull + " = " + fallback.isNull() + ";\nif (!" + isNull + ") {\n"
                        + result + " = " + fallback.value() + ";\n}\n";
            };
            if (when == SqlJsonEmptyOrError.EMPTY) {
                onEmpty = code;
            } else {
                onError = code;
            }
            i++;
        }
        String text = generator.context().newName("text");
        String converted = SqlTypeUtil.isCharacter(type) ? text : CastGenerator.conversion(
                generator.typeFactory().createSqlType(SqlTypeName.VARCHAR), type, generator.typeFactory()).replace("$0", text);
        String javaType = JavaTypes.of(type);
        StringBuilder code = new StringBuilder(json.code()).append(path.code());
        code.append(javaType).append(' ').append(result).append(" = ").append(JavaTypes.defaultValue(javaType)).append(";\n");
        code.append("boolean ").append(isNull).append(" = true;\n");
        code.append("if (!(").append(json.isNull()).append(") && !(").append(path.isNull()).append(")) {\n");
        code.append("String ").append(text).append(" = JsonFunctions.value(").append(json.value()).append(", ")
                .append(path.value()).append(");\n");
        code.append("if (JsonFunctions.isEmpty(").append(text).append(")) {\n").append(onEmpty)
                .append("} else if (JsonFunctions.isError(").append(text).append(")) {\n").append(onError).append("} else {\n");
        code.append("boolean ").append(text).append("_failed = false;\n");
        code.append("try {\n").append(result).append(" = ").append(converted).append(";\n").append(isNull)
                .append(" = false;\n} catch (io.sluice.runtime.error.SluiceException e) {\n").append(text)
                .append("_failed = true;\n}\n");
        code.append("if (").append(text).append("_failed) {\n").append(onError).append("}\n");
        code.append("}\n}\n");
        return new GeneratedExpression(code.toString(), result, isNull, type);
    }

    private static GeneratedExpression query(ExpressionGenerator generator, RexCall call, GeneratedExpression json,
                                             GeneratedExpression path) {
        List<RexNode> operands = call.getOperands();
        SqlJsonQueryWrapperBehavior wrapper = ((RexLiteral) operands.get(2)).getValueAs(SqlJsonQueryWrapperBehavior.class);
        SqlJsonQueryEmptyOrErrorBehavior onEmpty =
                ((RexLiteral) operands.get(3)).getValueAs(SqlJsonQueryEmptyOrErrorBehavior.class);
        SqlJsonQueryEmptyOrErrorBehavior onError =
                ((RexLiteral) operands.get(4)).getValueAs(SqlJsonQueryEmptyOrErrorBehavior.class);
        if (wrapper == SqlJsonQueryWrapperBehavior.WITH_CONDITIONAL_ARRAY) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "JSON_QUERY ... WITH CONDITIONAL ARRAY WRAPPER is not supported yet");
        }
        boolean wrap = wrapper == SqlJsonQueryWrapperBehavior.WITH_UNCONDITIONAL_ARRAY;
        return generator.strictOrNull(call, List.of(json, path), v -> {
            String answer = "JsonFunctions.query(" + v.get(0) + ", " + v.get(1) + ", " + wrap + ")";
            return "JsonFunctions.orBehaviour(" + answer + ", " + behaviour(onEmpty) + ", " + behaviour(onError) + ", "
                    + v.get(0) + ")";
        }, v -> v + " == null");
    }

    private static String behaviour(SqlJsonQueryEmptyOrErrorBehavior behavior) {
        return switch (behavior) {
            case NULL -> "JsonFunctions.NULL_ON";
            case ERROR -> "JsonFunctions.ERROR_ON";
            case EMPTY_ARRAY -> "JsonFunctions.EMPTY_ARRAY_ON";
            case EMPTY_OBJECT -> "JsonFunctions.EMPTY_OBJECT_ON";
        };
    }

    /** The compiled path: a reference for a literal, or compiled per row. */
    private static GeneratedExpression path(ExpressionGenerator generator, RexNode node) {
        RelDataType varchar = generator.typeFactory().createSqlType(SqlTypeName.VARCHAR);
        if (node instanceof RexLiteral literal && !literal.isNull()) {
            JsonFunctions.Path path = JsonFunctions.path(literal.getValueAs(String.class));
            return new GeneratedExpression("", generator.context().reference(path, PATH), "false", varchar);
        }
        GeneratedExpression text = generator.generate(node);
        String name = generator.context().newName("path");
        String code = text.code() + PATH + " " + name + " = " + text.isNull() + " ? null : JsonFunctions.path("
                + text.value() + ");\n";
        return new GeneratedExpression(code, name, name + " == null", varchar);
    }
}
