package io.sluice.planner.codegen;

import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code HASH_CODE(x)}: Java's hash code of the value (a text's {@code String.hashCode}, a number's
 * that of its boxed Java type), NULL for NULL. Flink hashes its internal binary forms, so the
 * values are Sluice's own, stable from run to run but not equal to Flink's.
 */
final class HashCodeGenerator implements CallGenerator {
    @Override
    public GeneratedExpression generate(ExpressionGenerator generator, RexCall call) {
        GeneratedExpression value = generator.generate(call.getOperands().get(0));
        SqlTypeName type = value.type().getSqlTypeName();
        String hash = switch (type) {
            case BOOLEAN -> "Boolean.hashCode";
            case TINYINT, SMALLINT, INTEGER -> "Integer.hashCode";
            case BIGINT -> "Long.hashCode";
            case FLOAT, REAL -> "Float.hashCode";
            case DOUBLE -> "Double.hashCode";
            case DECIMAL, CHAR, VARCHAR -> "java.util.Objects.hashCode";
            default -> throw ExpressionGenerator.unsupported("HASH_CODE of values of type " + type);
        };
        return generator.strictExpression(call, List.of(value), v -> hash + "(" + v.get(0) + ")");
    }
}
