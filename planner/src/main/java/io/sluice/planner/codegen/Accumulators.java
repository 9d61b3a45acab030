package io.sluice.planner.codegen;

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
     * @param constants the literal value of an input column that is a constant, or null
     */
    static AccumulatorCode create(AggregateCall call, StateFields fields, RelDataType inputRowType,
                                  IntFunction<RexLiteral> constants) {
        List<Integer> args = call.getArgList();
        String name = call.getAggregation().getName();
        if (call.isDistinct() && !name.equals("COUNT") && !name.equals("MIN") && !name.equals("MAX")) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "DISTINCT is supported in COUNT only, not in " + name);
        }
        return switch (name) {
            case "COUNT", "REGR_COUNT" -> call.isDistinct()
                    ? distinctCount(call, fields)
                    : new CountAccumulator(fields);
            case "SUM", "$SUM0" -> new SumAccumulator(fields, false, javaType(inputRowType, args.get(0)));
            case "AVG" -> new SumAccumulator(fields, true, javaType(inputRowType, args.get(0)));
            case "MIN", "MAX" -> new MinMaxAccumulator(fields, name.equals("MAX"), javaType(inputRowType, args.get(0)));
            case "FIRST_VALUE", "LAST_VALUE" ->
                    new FirstLastAccumulator(fields, name.equals("LAST_VALUE"), javaType(inputRowType, args.get(0)));
            case "VAR_POP", "VAR_SAMP", "STDDEV_POP", "STDDEV_SAMP", "STDDEV", "VARIANCE" -> new VarianceAccumulator(fields,
                    !name.endsWith("_POP"), name.startsWith("STDDEV"), javaType(inputRowType, args.get(0)));
            case "COVAR_POP", "COVAR_SAMP", "CORR", "REGR_SLOPE", "REGR_INTERCEPT", "REGR_SXX", "REGR_SYY" ->
                    new CovarianceAccumulator(fields, CovarianceAccumulator.Statistic.valueOf(name),
                            javaType(inputRowType, args.get(0)), javaType(inputRowType, args.get(1)));
            case "LISTAGG" -> new ListAggAccumulator(fields, separator(args, constants));
            default -> throw new SluiceException(ErrorCode.UNSUPPORTED,
                    "the aggregate function " + name + " is not supported yet");
        };
    }

    private static AccumulatorCode distinctCount(AggregateCall call, StateFields fields) {
        if (call.getArgList().size() != 1) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "COUNT(DISTINCT ...) of several columns is not supported yet");
        }
        return new CountDistinctAccumulator(fields);
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

    private static String javaType(RelDataType rowType, int column) {
        return JavaTypes.of(rowType.getFieldList().get(column).getType());
    }
}
