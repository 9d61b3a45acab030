package io.sluice.planner.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/**
 * {@code AGG(DISTINCT x)} over a changelog: the group's distinct values with how many rows hold
 * each ({@link io.sluice.runtime.aggregate.ValueCounts}); the aggregate itself sees a value when
 * its first row comes and loses it when its last row is taken out.
 */
final class DistinctAccumulator extends AccumulatorCode {
    private final AccumulatorCode aggregate;
    private final ValueCountsCode values;

    /** @param aggregate the retractable accumulator of the aggregate without DISTINCT */
    DistinctAccumulator(StateFields fields, AccumulatorCode aggregate) {
        this.aggregate = aggregate;
        this.values = new ValueCountsCode(fields);
    }

    @Override
    String accumulate(List<GeneratedExpression> args, String g) {
        GeneratedExpression x = args.get(0);
        return ifNotNull(x, values.add(g, distinctKey(x), aggregate.accumulate(args, g)));
    }

    @Override
    String retract(List<GeneratedExpression> args, String g) {
        GeneratedExpression x = args.get(0);
        return ifNotNull(x, values.remove(g, distinctKey(x), aggregate.retract(args, g)));
    }

    @Override
    String emit(String g, String vector, String row, RelDataType resultType) {
        return aggregate.emit(g, vector, row, resultType);
    }
}
