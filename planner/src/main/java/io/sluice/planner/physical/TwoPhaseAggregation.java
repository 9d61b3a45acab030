package io.sluice.planner.physical;

import io.sluice.planner.calcite.AverageOfPartialsFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * How a {@code GROUP BY} splits into a local step, which aggregates each batch by key before the
 * exchange, and a global step, which merges the partial results by key after it (Flink's
 * local-global aggregation). Only aggregates whose partial results merge take part:
 * {@code COUNT} (the global step sums the counts), {@code SUM}, {@code MIN}, {@code MAX} (of the
 * partial results) and {@code AVG} (a partial sum and count, averaged by {@code $AVG_MERGE}). The
 * partial rows are the keys, then the partial results; partial sums are as wide as the one-phase
 * accumulator keeps them (BIGINT for integers, DOUBLE, DECIMAL at full precision), so both ways
 * compute the same result.
 *
 * @param localCalls     the calls of the local step, over the aggregation's input
 * @param partialRowType the local step's output: the keys, then one column per local call
 * @param globalCalls    the calls of the global step, over the partial rows, each of the type of
 *                       the call it stands for
 */
record TwoPhaseAggregation(List<AggregateCall> localCalls, RelDataType partialRowType, List<AggregateCall> globalCalls) {
    private static final List<String> MERGEABLE = List.of("COUNT", "SUM", "$SUM0", "MIN", "MAX", "AVG");

    TwoPhaseAggregation {
        localCalls = List.copyOf(localCalls);
        globalCalls = List.copyOf(globalCalls);
    }

    /** Whether every call's partial results merge (no DISTINCT, no LISTAGG, FIRST_VALUE, ...). */
    static boolean applies(List<AggregateCall> calls) {
        return calls.stream().allMatch(call -> !call.isDistinct() && MERGEABLE.contains(call.getAggregation().getName()));
    }

    /**
     * @param keyColumns the input columns the groups are keyed by
     * @param calls      the aggregate calls, all of which {@link #applies}
     * @param outputType the aggregation's output: the keys, then the calls' results
     */
    static TwoPhaseAggregation split(int[] keyColumns, List<AggregateCall> calls, RelDataType inputType,
                                     RelDataType outputType, RelDataTypeFactory types) {
        RelDataTypeFactory.Builder partial = types.builder();
        for (int i = 0; i < keyColumns.length; i++) {
            partial.add(outputType.getFieldList().get(i).getName(), inputType.getFieldList().get(keyColumns[i]).getType());
        }
        List<AggregateCall> local = new ArrayList<>();
        List<AggregateCall> global = new ArrayList<>();
        RelDataType count = types.createSqlType(SqlTypeName.BIGINT);
        for (AggregateCall call : calls) {
            String name = call.getAggregation().getName();
            int column = keyColumns.length + local.size();
            RelDataType resultType = call.getType();
            switch (name) {
                case "COUNT" -> {
                    local.add(partialCall(partial, call, SqlStdOperatorTable.COUNT, count));
                    global.add(globalCall(SqlStdOperatorTable.SUM0, List.of(column), resultType, call.getName()));
                }
                case "SUM", "$SUM0" -> {
                    local.add(partialCall(partial, call, SqlStdOperatorTable.SUM, partialSumType(call, inputType, types)));
                    global.add(globalCall(call.getAggregation(), List.of(column), resultType, call.getName()));
                }
                case "MIN", "MAX" -> {
                    local.add(partialCall(partial, call, call.getAggregation(),
                            types.createTypeWithNullability(resultType, true)));
                    global.add(globalCall(call.getAggregation(), List.of(column), resultType, call.getName()));
                }
                case "AVG" -> {
                    local.add(partialCall(partial, call, SqlStdOperatorTable.SUM, partialSumType(call, inputType, types)));
                    local.add(partialCall(partial, call, SqlStdOperatorTable.COUNT, count));
                    global.add(globalCall(AverageOfPartialsFunction.INSTANCE, List.of(column, column + 1), resultType,
                            call.getName()));
                }
                default -> throw new IllegalArgumentException("partial results of " + name + " do not merge");
            }
        }
        return new TwoPhaseAggregation(local, partial.build(), global);
    }

    /** A local call of {@code function} over the call's arguments and filter, added to the partial row as a column. */
    private static AggregateCall partialCall(RelDataTypeFactory.Builder partial, AggregateCall call,
                                             SqlAggFunction function, RelDataType type) {
        String name = function.getName().toLowerCase(Locale.ROOT).replace("$", "") + "$" + (partial.getFieldCount());
        partial.add(name, type);
        return AggregateCall.create(function, false, false, false, List.of(), call.getArgList(), call.filterArg, null,
                RelCollations.EMPTY, type, name);
    }

    private static AggregateCall globalCall(SqlAggFunction function, List<Integer> args, RelDataType type, String name) {
        return AggregateCall.create(function, false, false, false, List.of(), args, -1, null, RelCollations.EMPTY, type,
                name);
    }

    /** A partial sum's type: as wide as the sum the one-phase accumulator keeps, and NULL for no values. */
    private static RelDataType partialSumType(AggregateCall call, RelDataType inputType, RelDataTypeFactory types) {
        RelDataType argument = inputType.getFieldList().get(call.getArgList().get(0)).getType();
        RelDataType wide;
        if (argument.getSqlTypeName() == SqlTypeName.DECIMAL) {
            wide = types.createSqlType(SqlTypeName.DECIMAL, types.getTypeSystem().getMaxNumericPrecision(),
                    argument.getScale());
        } else if (SqlTypeUtil.isApproximateNumeric(argument)) {
            wide = types.createSqlType(SqlTypeName.DOUBLE);
        } else if (SqlTypeUtil.isExactNumeric(argument)) {
            wide = types.createSqlType(SqlTypeName.BIGINT);
        } else {
            wide = argument;
        }
        return types.createTypeWithNullability(wide, true);
    }
}
