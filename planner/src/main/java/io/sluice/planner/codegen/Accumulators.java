package io.sluice.planner.codegen;

import io.sluice.planner.calcite.AverageOfPartialsFunction;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.util.NlsString;

/** Which accumulator code computes which aggregate function. */
final class Accumulators {
    private Accumulators() {
    }

    /**
     * @param constants   the literal value of an input column that is a constant, or null
     * @param retractable whether rows may be taken out again (the input is a changelog): then the
     *                    accumulators keep what they need to undo a row, and have no merge
     */
    static AccumulatorCode create(AggregateCall call, StateFields fields, RelDataType inputRowType,
                                  IntFunction<RexLiteral> constants, boolean retractable) {
        String name = call.getAggregation().getName();
        boolean idempotent = name.equals("MIN") || name.equals("MAX");
        if (!call.isDistinct() || idempotent) {
            return retractable ? retractable(call, fields, inputRowType, constants) : appendOnly(call, fields, inputRowType,
                    constants);
        }
        if (!retractable && !name.equals("COUNT")) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "DISTINCT is supported in COUNT only, not in " + name);
        }
        if (call.getArgList().size() != 1) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, name + "(DISTINCT ...) of several columns is not supported yet");
        }
        return retractable
                ? new DistinctAccumulator(fields, retractable(call, fields, inputRowType, constants))
                : new CountDistinctAccumulator(fields);
    }

    /** The accumulators windows use: they only ever add rows, and merge slices. */
    private static AccumulatorCode appendOnly(AggregateCall call, StateFields fields, RelDataType inputRowType,
                                              IntFunction<RexLiteral> constants) {
        String name = call.getAggregation().getName();
        return switch (name) {
            case "MIN", "MAX" -> new MinMaxAccumulator(fields, name.equals("MAX"), javaType(inputRowType, call, 0));
            case "FIRST_VALUE", "LAST_VALUE" ->
                    new FirstLastAccumulator(fields, name.equals("LAST_VALUE"), javaType(inputRowType, call, 0));
            case "LISTAGG" -> new ListAggAccumulator(fields, separator(call.getArgList(), constants));
            default -> arithmetic(call, fields, inputRowType);
        };
    }

    /** Accumulators that can also take a row out, keeping the values they need for that. */
    private static AccumulatorCode retractable(AggregateCall call, StateFields fields, RelDataType inputRowType,
                                               IntFunction<RexLiteral> constants) {
        String name = call.getAggregation().getName();
        return switch (name) {
            case "MIN", "MAX" ->
                    new RetractableMinMaxAccumulator(fields, name.equals("MAX"), javaType(inputRowType, call, 0));
            case "FIRST_VALUE", "LAST_VALUE" -> new ArrivalOrderAccumulator(fields, name.equals("LAST_VALUE")
                    ? ArrivalOrderAccumulator.Result.LAST : ArrivalOrderAccumulator.Result.FIRST,
                    javaType(inputRowType, call, 0), null);
            case "LISTAGG" -> new ArrivalOrderAccumulator(fields, ArrivalOrderAccumulator.Result.JOINED,
                    JavaTypes.STRING, separator(call.getArgList(), constants));
            default -> arithmetic(call, fields, inputRowType);
        };
    }

    /** The accumulators whose retract path undoes their add path exactly (counts, sums, moments). */
    private static AccumulatorCode arithmetic(AggregateCall call, StateFields fields, RelDataType inputRowType) {
        String name = call.getAggregation().getName();
        return switch (name) {
            case "COUNT", "REGR_COUNT" -> new CountAccumulator(fields, false);
            case "SUM" -> new SumAccumulator(fields, SumAccumulator.Result.SUM, javaType(inputRowType, call, 0));
            case "$SUM0" -> List.of("int", "long").contains(javaType(inputRowType, call, 0))
                    ? new CountAccumulator(fields, true)
                    : new SumAccumulator(fields, SumAccumulator.Result.SUM_OR_ZERO, javaType(inputRowType, call, 0));
            case "AVG" -> new SumAccumulator(fields, SumAccumulator.Result.AVERAGE, javaType(inputRowType, call, 0));
            case AverageOfPartialsFunction.NAME ->
                    new SumAccumulator(fields, SumAccumulator.Result.AVERAGE_OF_PARTIALS, javaType(inputRowType, call, 0));
            case "VAR_POP", "VAR_SAMP", "STDDEV_POP", "STDDEV_SAMP", "STDDEV", "VARIANCE" -> new VarianceAccumulator(fields,
                    !name.endsWith("_POP"), name.startsWith("STDDEV"), javaType(inputRowType, call, 0));
            case "COVAR_POP", "COVAR_SAMP", "CORR", "REGR_SLOPE", "REGR_INTERCEPT", "REGR_SXX", "REGR_SYY" ->
                    new CovarianceAccumulator(fields, CovarianceAccumulator.Statistic.valueOf(name),
                            javaType(inputRowType, call, 0), javaType(inputRowType, call, 1));
            default -> throw new SluiceException(ErrorCode.UNSUPPORTED,
                    "the aggregate function " + name + " is not supported yet");
        };
    }

    private static String separator(List<Integer> args, IntFunction<RexLiteral> constants) {
        if (args.size() < 2) {
            return "\",\"";
        }
        RexLiteral literal = constants.apply(args.get(1));
        if (literal == null || literal.getValueAs(NlsString.class) == null) {
            throw new SluiceException(ErrorCode.VALIDATION_ERROR, "the separator of LISTAGG must be a string literal");
        }
        return JavaTypes.stringLiteral(literal.getValueAs(NlsString.class).getValue());
    }

    private static String javaType(RelDataType rowType, AggregateCall call, int arg) {
        return JavaTypes.of(rowType.getFieldList().get(call.getArgList().get(arg)).getType());
    }
}
