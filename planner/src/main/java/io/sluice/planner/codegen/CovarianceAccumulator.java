package io.sluice.planner.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The two-variable statistics of {@code (y, x)} pairs where both are non-null: {@code COVAR_POP,
 * COVAR_SAMP, CORR, REGR_SLOPE, REGR_INTERCEPT, REGR_SXX, REGR_SYY}. Kept as count, means, sums of
 * squared deviations and the co-moment, updated and merged exactly (the two-variable Welford and
 * Chan formulas); a retracted pair is taken out by the update undone.
 */
final class CovarianceAccumulator extends AccumulatorCode {
    enum Statistic { COVAR_POP, COVAR_SAMP, CORR, REGR_SLOPE, REGR_INTERCEPT, REGR_SXX, REGR_SYY }

    private final Statistic statistic;
    private final String yType;
    private final String xType;
    private final int count;
    private final int meanX;
    private final int meanY;
    private final int m2X;
    private final int m2Y;
    private final int coMoment;

    CovarianceAccumulator(StateFields fields, Statistic statistic, String yType, String xType) {
        this.statistic = statistic;
        this.yType = yType;
        this.xType = xType;
        this.count = fields.addLong();
        this.meanX = fields.addDouble();
        this.meanY = fields.addDouble();
        this.m2X = fields.addDouble();
        this.m2Y = fields.addDouble();
        this.coMoment = fields.addDouble();
    }

    private static String at(String prefix, String field, String g) {
        return prefix + field + "[" + g + "]";
    }

    @Override
    String accumulate(List<GeneratedExpression> args, String g) {
        GeneratedExpression y = args.get(0);
        GeneratedExpression x = args.get(1);
        String update = "{\nfinal double y = " + asDouble(y.value(), yType) + ";\n"
                + "final double x = " + asDouble(x.value(), xType) + ";\n"
                + at("", l(count), g) + "++;\n"
                + "final double dx = x - " + at("", d(meanX), g) + ";\n"
                + "final double dy = y - " + at("", d(meanY), g) + ";\n"
                + at("", d(meanX), g) + " += dx / " + at("", l(count), g) + ";\n"
                + at("", d(meanY), g) + " += dy / " + at("", l(count), g) + ";\n"
                + at("", d(m2X), g) + " += dx * (x - " + at("", d(meanX), g) + ");\n"
                + at("", d(m2Y), g) + " += dy * (y - " + at("", d(meanY), g) + ");\n"
                + at("", d(coMoment), g) + " += dx * (y - " + at("", d(meanY), g) + ");\n}\n";
        String nulls = (y.nullable() ? "!" + y.isNull() : "true") + " && " + (x.nullable() ? "!" + x.isNull() : "true");
        return "if (" + nulls + ") " + update;
    }

    /** The two-variable Welford update undone: the statistics without the pair. */
    @Override
    String retract(List<GeneratedExpression> args, String g) {
        GeneratedExpression y = args.get(0);
        GeneratedExpression x = args.get(1);
        String n = at("", l(count), g);
        String reset = n + " = 0;\n" + at("", d(meanX), g) + " = 0;\n" + at("", d(meanY), g) + " = 0;\n"
                + at("", d(m2X), g) + " = 0;\n" + at("", d(m2Y), g) + " = 0;\n" + at("", d(coMoment), g) + " = 0;\n";
        String update = "if (" + n + " <= 1) {\n" + reset + "} else {\n"
                + "final double y = " + asDouble(y.value(), yType) + ";\n"
                + "final double x = " + asDouble(x.value(), xType) + ";\n"
                + "final double ex = x - " + at("", d(meanX), g) + ";\n"
                + "final double ey = y - " + at("", d(meanY), g) + ";\n"
                + n + "--;\n"
                + "final double oldMeanX = " + at("", d(meanX), g) + " - ex / " + n + ";\n"
                + "final double oldMeanY = " + at("", d(meanY), g) + " - ey / " + n + ";\n"
                + at("", d(m2X), g) + " -= (x - oldMeanX) * ex;\n"
                + at("", d(m2Y), g) + " -= (y - oldMeanY) * ey;\n"
                // rounding must not leave a negative sum of squares, whose root is NaN
                + at("", d(m2X), g) + " = Math.max(0d, " + at("", d(m2X), g) + ");\n"
                + at("", d(m2Y), g) + " = Math.max(0d, " + at("", d(m2Y), g) + ");\n"
                + at("", d(coMoment), g) + " -= (x - oldMeanX) * ey;\n"
                + at("", d(meanX), g) + " = oldMeanX;\n"
                + at("", d(meanY), g) + " = oldMeanY;\n}\n";
        String nulls = (y.nullable() ? "!" + y.isNull() : "true") + " && " + (x.nullable() ? "!" + x.isNull() : "true");
        return "if (" + nulls + ") {\n" + update + "}\n";
    }

    @Override
    String merge(String t, String s) {
        String tn = at("t", l(count), t);
        String sn = at("s", l(count), s);
        return "if (" + sn + " > 0) {\n"
                + "final long n = " + tn + " + " + sn + ";\n"
                + "final double dx = " + at("s", d(meanX), s) + " - " + at("t", d(meanX), t) + ";\n"
                + "final double dy = " + at("s", d(meanY), s) + " - " + at("t", d(meanY), t) + ";\n"
                + "final double weight = (double) " + tn + " * " + sn + " / n;\n"
                + at("t", d(m2X), t) + " += " + at("s", d(m2X), s) + " + dx * dx * weight;\n"
                + at("t", d(m2Y), t) + " += " + at("s", d(m2Y), s) + " + dy * dy * weight;\n"
                + at("t", d(coMoment), t) + " += " + at("s", d(coMoment), s) + " + dx * dy * weight;\n"
                + at("t", d(meanX), t) + " += dx * " + sn + " / n;\n"
                + at("t", d(meanY), t) + " += dy * " + sn + " / n;\n"
                + tn + " = n;\n}\n";
    }

    @Override
    String emit(String g, String vector, String row, RelDataType resultType) {
        String n = at("", l(count), g);
        String sxx = at("", d(m2X), g);
        String syy = at("", d(m2Y), g);
        String sxy = at("", d(coMoment), g);
        String value;
        String isNull;
        switch (statistic) {
            case COVAR_POP -> {
                value = sxy + " / " + n;
                isNull = n + " == 0";
            }
            case COVAR_SAMP -> {
                value = sxy + " / (" + n + " - 1)";
                isNull = n + " < 2";
            }
            case CORR -> {
                value = sxy + " / Math.sqrt(" + sxx + " * " + syy + ")";
                isNull = n + " == 0 || " + sxx + " == 0 || " + syy + " == 0";
            }
            case REGR_SLOPE -> {
                value = sxy + " / " + sxx;
                isNull = n + " == 0 || " + sxx + " == 0";
            }
            case REGR_INTERCEPT -> {
                value = at("", d(meanY), g) + " - " + sxy + " / " + sxx + " * " + at("", d(meanX), g);
                isNull = n + " == 0 || " + sxx + " == 0";
            }
            case REGR_SXX -> {
                value = sxx;
                isNull = n + " == 0";
            }
            default -> {
                value = syy;
                isNull = n + " == 0";
            }
        }
        return VectorSetters.set(resultType, vector, row, fromDouble("(" + value + ")", resultType), "(" + isNull + ")");
    }
}
