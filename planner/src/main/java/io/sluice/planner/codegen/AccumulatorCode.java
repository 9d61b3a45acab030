package io.sluice.planner.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The generated code of one aggregate function: what it adds for a row, how two groups merge,
 * and how its result is written. Field names follow {@link StateFields}: {@code L}, {@code D},
 * {@code F}, {@code O} with an index, prefixed by {@code t}/{@code s} when merging.
 */
abstract class AccumulatorCode {
    /** Statements adding one row (whose argument values are {@code args}) to group {@code g}. */
    abstract String accumulate(List<GeneratedExpression> args, String g);

    /** Statements folding source group {@code s} into target group {@code t}. */
    abstract String merge(String t, String s);

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
}
