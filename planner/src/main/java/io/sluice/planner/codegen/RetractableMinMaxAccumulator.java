package io.sluice.planner.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/**
 * {@code MIN(x)} and {@code MAX(x)} over a changelog: the group's values with how many rows hold
 * each ({@link io.sluice.runtime.aggregate.ValueCounts}), so that when the smallest or largest
 * value's last row is taken out the next one is known.
 */
final class RetractableMinMaxAccumulator extends AccumulatorCode {
    private final boolean max;
    private final String javaType;
    private final ValueCountsCode values;

    RetractableMinMaxAccumulator(StateFields fields, boolean max, String argumentJavaType) {
        this.max = max;
        this.javaType = argumentJavaType;
        this.values = new ValueCountsCode(fields);
    }

    @Override
    String accumulate(List<GeneratedExpression> args, String g) {
        GeneratedExpression x = args.get(0);
        return ifNotNull(x, values.add(g, box(x), ""));
    }

    @Override
    String retract(List<GeneratedExpression> args, String g) {
        GeneratedExpression x = args.get(0);
        return ifNotNull(x, values.remove(g, box(x), ""));
    }

    @Override
    String emit(String g, String vector, String row, RelDataType resultType) {
        String isNull = "(" + values.isMissing(g) + " || " + values.counts(g) + ".isEmpty())";
        return VectorSetters.set(resultType, vector, row,
                unbox(values.counts(g) + (max ? ".last()" : ".first()"), javaType), isNull);
    }
}
