package io.sluice.planner.codegen;

import io.sluice.runtime.error.SluiceException;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The generated code of one aggregate function: what it adds for a row, what taking a row out
 * does (only in the retractable flavour, over a changelog), how two groups merge (only in the
 * append-only flavour), and how its result is written. Field names follow {@link StateFields}:
 * {@code L}, {@code D}, {@code F}, {@code O} with an index, prefixed by {@code t}/{@code s} when
 * merging.
 */
abstract class AccumulatorCode {
    /** Statements adding one row (whose argument values are {@code args}) to group {@code g}. */
    abstract String accumulate(List<GeneratedExpression> args, String g);

    /**
     * Statements taking one row (whose argument values are {@code args}) out of group {@code g}: a
     * {@code -U} or {@code -D} of a changelog. Only accumulators made retractable have it.
     */
    String retract(List<GeneratedExpression> args, String g) {
        throw SluiceException.internal(getClass().getSimpleName() + " was made without a retract path", null);
    }

    /**
     * Statements folding source group {@code s} into target group {@code t}. Only append-only
     * accumulators have it: windows merge slices; a changelog's groups are never merged.
     */
    String merge(String t, String s) {
        throw SluiceException.internal(getClass().getSimpleName() + " has no merge", null);
    }

    /** Statements writing the result of group {@code g} into {@code vector} at {@code row}. */
    abstract String emit(String g, String vector, String row, RelDataType resultType);

    static String l(int field) {
        return "L" + field;
    }

    static String d(int field) {
        return "D" + field;
    }

    static String f(int field) {
        return "F" + field;
    }

    static String o(int field) {
        return "O" + field;
    }

    /** Code of a value of Java type {@code javaType} as a {@code double}. */
    static String asDouble(String value, String javaType) {
        return switch (javaType) {
            case JavaTypes.DECIMAL -> value + ".doubleValue()";
            case "boolean" -> "(" + value + " ? 1d : 0d)";
            default -> "(double) " + value;
        };
    }

    /** Code converting a {@code double} result to the Java type of the result's SQL type. */
    static String fromDouble(String value, RelDataType resultType) {
        return switch (JavaTypes.of(resultType)) {
            case JavaTypes.DECIMAL -> "java.math.BigDecimal.valueOf(" + value + ")";
            case "long" -> "(long) " + value;
            case "int" -> "(int) " + value;
            case "float" -> "(float) " + value;
            default -> value;
        };
    }

    /** The value as an object, to keep in a set or list of the group's values. */
    static String box(GeneratedExpression x) {
        return switch (x.javaType()) {
            case "boolean" -> "Boolean.valueOf(" + x.value() + ")";
            case "int" -> "Integer.valueOf(" + x.value() + ")";
            case "long" -> "Long.valueOf(" + x.value() + ")";
            // + 0 turns -0.0 into 0.0, which SQL holds equal and Float.equals does not.
            case "float" -> "Float.valueOf(" + x.value() + " + 0.0f)";
            case "double" -> "Double.valueOf(" + x.value() + " + 0.0d)";
            default -> x.value();
        };
    }

    /** The value as an object whose equals and hashCode match SQL equality (1.0 = 1.00). */
    static String distinctKey(GeneratedExpression x) {
        return x.javaType().equals(JavaTypes.DECIMAL) ? x.value() + ".stripTrailingZeros()" : box(x);
    }

    /** Code of an object {@link #box} made, back as a value of Java type {@code javaType}. */
    static String unbox(String object, String javaType) {
        return switch (javaType) {
            case "boolean" -> "((Boolean) " + object + ").booleanValue()";
            case "int" -> "((Integer) " + object + ").intValue()";
            case "long" -> "((Long) " + object + ").longValue()";
            case "float" -> "((Float) " + object + ").floatValue()";
            case "double" -> "((Double) " + object + ").doubleValue()";
            default -> "((" + javaType + ") " + object + ")";
        };
    }

    /** The statements run only when the argument is not null. */
    static String ifNotNull(GeneratedExpression x, String statements) {
        return x.nullable() ? "if (!" + x.isNull() + ") {\n" + statements + "}\n" : statements;
    }
}
