package io.sluice.planner.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/**
 * {@code VAR_POP, VAR_SAMP, STDDEV_POP, STDDEV_SAMP}: count, mean and sum of squared deviations,
 * updated one value at a time (Welford) and merged exactly (Chan et al.), which keeps the result
 * accurate where a sum of squares would cancel. A retracted value is taken out by the same update
 * undone.
 */
final class VarianceAccumulator extends AccumulatorCode {
    private final boolean sample;
    private final boolean root;
    private final String argumentJavaType;
    private final int count;
    private final int mean;
    private final int m2;

    VarianceAccumulator(StateFields fields, boolean sample, boolean root, String argumentJavaType) {
        this.sample = sample;
        this.root = root;
        this.argumentJavaType = argumentJavaType;
        this.count = fields.addLong();
        this.mean = fields.addDouble();
        this.m2 = fields.addDouble();
    }

    @Override
    String accumulate(List<GeneratedExpression> args, String g) {
        GeneratedExpression x = args.get(0);
        String n = l(count) + "[" + g + "]";
        String mu = d(mean) + "[" + g + "]";
        String ss = d(m2) + "[" + g + "]";
        String update = "{\nfinal double x = " + asDouble(x.value(), argumentJavaType) + ";\n"
                + n + "++;\n"
                + "final double delta = x - " + mu + ";\n"
                + mu + " += delta / " + n + ";\n"
                + ss + " += delta * (x - " + mu + ");\n}\n";
        return x.nullable() ? "if (!" + x.isNull() + ") " + update : update;
    }

    /** Welford's update undone: the mean and squared deviations without the value. */
    @Override
    String retract(List<GeneratedExpression> args, String g) {
        GeneratedExpression x = args.get(0);
        String n = l(count) + "[" + g + "]";
        String mu = d(mean) + "[" + g + "]";
        String ss = d(m2) + "[" + g + "]";
        return ifNotNull(x, "if (" + n + " <= 1) {\n" + n + " = 0;\n" + mu + " = 0;\n" + ss + " = 0;\n} else {\n"
                + "final double x = " + asDouble(x.value(), argumentJavaType) + ";\n"
                + "final double delta = x - " + mu + ";\n"
                + n + "--;\n"
                + mu + " -= delta / " + n + ";\n"
                + ss + " -= delta * (x - " + mu + ");\n"
                // rounding must not leave a negative sum of squares, whose root is NaN
                + "if (" + ss + " < 0) {\n" + ss + " = 0;\n}\n}\n");
    }

    @Override
    String merge(String t, String s) {
        String tn = "t" + l(count) + "[" + t + "]";
        String sn = "s" + l(count) + "[" + s + "]";
        String tmu = "t" + d(mean) + "[" + t + "]";
        String smu = "s" + d(mean) + "[" + s + "]";
        return "if (" + sn + " > 0) {\n"
                + "final long n = " + tn + " + " + sn + ";\n"
                + "final double delta = " + smu + " - " + tmu + ";\n"
                + "t" + d(m2) + "[" + t + "] += s" + d(m2) + "[" + s + "] + delta * delta * " + tn + " * " + sn + " / n;\n"
                + tmu + " += delta * " + sn + " / n;\n"
                + tn + " = n;\n}\n";
    }

    @Override
    String emit(String g, String vector, String row, RelDataType resultType) {
        String n = l(count) + "[" + g + "]";
        String variance = d(m2) + "[" + g + "] / " + (sample ? "(" + n + " - 1)" : n);
        String value = root ? "Math.sqrt(" + variance + ")" : "(" + variance + ")";
        return VectorSetters.set(resultType, vector, row, fromDouble(value, resultType),
                "(" + n + " < " + (sample ? 2 : 1) + ")");
    }
}
