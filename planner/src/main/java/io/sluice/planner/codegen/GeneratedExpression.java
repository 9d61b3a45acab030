package io.sluice.planner.codegen;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.rel.type.RelDataType;

/**
 * An expression compiled to Java: statements that compute it, then the variable (or constant)
 * holding its value and the one telling whether it is null ({@code "false"} when it cannot be).
 *
 * @param code     statements to run before {@code value} and {@code isNull} may be read
 * @param value    a Java expression of the value; meaningless when null
 * @param isNull   a Java boolean expression, {@code "false"} for a value that is never null
 * @param type     the SQL type of the value
 * @param unscaled for a DECIMAL also held as a long, a Java long expression of its unscaled
 *                 value at its type's scale, which is {@code Decimals.NO_LONG} in rows where it
 *                 does not fit (then only {@code value} holds it); null when there is no such long
 */
public record GeneratedExpression(String code, String value, String isNull, RelDataType type, String unscaled) {
    public GeneratedExpression {
        requireNonNull(code, "code is null");
        requireNonNull(value, "value is null");
        requireNonNull(isNull, "isNull is null");
        requireNonNull(type, "type is null");
    }

    public GeneratedExpression(String code, String value, String isNull, RelDataType type) {
        this(code, value, isNull, type, null);
    }

    /** The NULL constant of a type. */
    public static GeneratedExpression nullOf(RelDataType type) {
        return new GeneratedExpression("", JavaTypes.defaultValue(JavaTypes.of(type)), "true", type);
    }

    /** True for a value that is null in every row, such as a NULL literal. */
    public boolean alwaysNull() {
        return isNull.equals("true");
    }

    public boolean nullable() {
        return !isNull.equals("false");
    }

    public String javaType() {
        return JavaTypes.of(type);
    }
}
