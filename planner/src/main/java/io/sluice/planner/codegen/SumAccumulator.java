package io.sluice.planner.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/**
 * {@code SUM(x)}, {@code $SUM0(x)} and {@code AVG(x)}: a running sum (long for integers, wrapping on
 * overflow as Flink does; double; or decimal) and, for AVG and for a sum of no rows being NULL, a
 * count. Over a changelog, a retracted value is subtracted; a group whose values all went sums to
 * NULL ({@code $SUM0}: to 0). AVG of integers truncates, as in Calcite and Flink. The global step of
 * a two-phase AVG adds partial sums and their counts (its two arguments) into the same fields.
 */
final class SumAccumulator extends AccumulatorCode {
    /** What the accumulator adds up and writes. */
    enum Result {
        SUM, SUM_OR_ZERO, AVERAGE,
        /** {@code $AVG_MERGE(sum, count)}: an average of partial sums, each counting {@code count} values. */
        AVERAGE_OF_PARTIALS
    }

    private final Result result;
    private final String javaType;
    private final int sum;
    private final int count;

    /** @param argumentJavaType the Java type of the (first) argument column */
    SumAccumulator(StateFields fields, Result result, String argumentJavaType) {
        this.result = result;
        this.javaType = switch (argumentJavaType) {
            case "int", "long" -> "long";
            case "float", "double" -> "double";
            default -> JavaTypes.DECIMAL;
        };
        this.sum = javaType.equals("long") ? fields.addLong() : javaType.equals("double") ? fields.addDouble() : fields.addObject();
        this.count = fields.addLong();
    }

    private String sum(String prefix, String g) {
        String field = javaType.equals("long") ? l(sum) : javaType.equals("double") ? d(sum) : o(sum);
        return prefix + field + "[" + g + "]";
    }

    @Override
    String accumulate(List<GeneratedExpression> args, String g) {
        GeneratedExpression x = args.get(0);
        String add = javaType.equals(JavaTypes.DECIMAL)
                ? sum("", g) + " = " + sum("", g) + " == null ? " + x.value() + " : ((java.math.BigDecimal) "
                        + sum("", g) + ").add(" + x.value() + ");\n"
                : sum("", g) + " += " + x.value() + ";\n";
        add += result == Result.AVERAGE_OF_PARTIALS
                ? l(count) + "[" + g + "] += " + args.get(1).value() + ";\n"
                : l(count) + "[" + g + "]++;\n";
        return x.nullable() ? "if (!" + x.isNull() + ") {\n" + add + "}\n" : add;
    }

    /**
     * Takes the value out of the sum. When the group's last value goes, the sum starts over from
     * nothing, so that a double sum does not keep the rounding of what was added and taken out.
     */
    @Override
    String retract(List<GeneratedExpression> args, String g) {
        GeneratedExpression x = args.get(0);
        String n = l(count) + "[" + g + "]";
        String take = switch (javaType) {
            case JavaTypes.DECIMAL -> sum("", g) + " = " + sum("", g) + " == null ? " + x.value() + ".negate() : "
                    + "((java.math.BigDecimal) " + sum("", g) + ").subtract(" + x.value() + ");\n";
            default -> sum("", g) + " -= " + x.value() + ";\n";
        };
        String reset = sum("", g) + " = " + (javaType.equals(JavaTypes.DECIMAL) ? "null" : "0") + ";\n";
        return ifNotNull(x, take + "if (--" + n + " == 0) {\n" + reset + "}\n");
    }

    @Override
    String merge(String t, String s) {
        String merged = javaType.equals(JavaTypes.DECIMAL)
                ? "if (" + sum("s", s) + " != null) {\n" + sum("t", t) + " = " + sum("t", t) + " == null ? " + sum("s", s)
                        + " : ((java.math.BigDecimal) " + sum("t", t) + ").add((java.math.BigDecimal) " + sum("s", s) + ");\n}\n"
                : sum("t", t) + " += " + sum("s", s) + ";\n";
        return merged + "t" + l(count) + "[" + t + "] += s" + l(count) + "[" + s + "];\n";
    }

    @Override
    String emit(String g, String vector, String row, RelDataType resultType) {
        String total = javaType.equals(JavaTypes.DECIMAL) ? "((java.math.BigDecimal) " + sum("", g) + ")" : sum("", g);
        if (result == Result.SUM_OR_ZERO && javaType.equals(JavaTypes.DECIMAL)) {
            total = "(" + sum("", g) + " == null ? java.math.BigDecimal.ZERO : " + total + ")";
        }
        String n = l(count) + "[" + g + "]";
        String value;
        if (result == Result.SUM || result == Result.SUM_OR_ZERO) {
            value = total;
        } else if (javaType.equals(JavaTypes.DECIMAL)) {
            value = "Decimals.divide(" + total + ", java.math.BigDecimal.valueOf(" + n + "), " + resultType.getScale() + ")";
        } else {
            value = "(" + total + " / " + n + ")";
        }
        String resultJava = JavaTypes.of(resultType);
        if (resultJava.equals(JavaTypes.DECIMAL) && !javaType.equals(JavaTypes.DECIMAL)) {
            value = javaType.equals("long") ? "java.math.BigDecimal.valueOf(" + value + ")"
                    : "java.math.BigDecimal.valueOf((double) " + value + ")";
        } else if (!resultJava.equals(JavaTypes.DECIMAL) && javaType.equals(JavaTypes.DECIMAL)) {
            value = value + ".doubleValue()";
        }
        return VectorSetters.set(resultType, vector, row, value, result == Result.SUM_OR_ZERO ? "false" : "(" + n + " == 0)");
    }
}
