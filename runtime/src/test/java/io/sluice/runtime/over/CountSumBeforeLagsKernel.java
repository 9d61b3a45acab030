package io.sluice.runtime.over;

import io.sluice.runtime.aggregate.RetractingCountSumKernel;
import io.sluice.runtime.codegen.AccumulatorState;
import io.sluice.runtime.codegen.AggregateKernel;
import io.sluice.runtime.codegen.KernelContext;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * {@link RetractingCountSumKernel}'s {@code COUNT(*)} and {@code SUM(v)}, written to output
 * columns 3 and 4, where an OVER aggregation with LAG calls has its aggregates (its LAG values follow).
 */
public final class CountSumBeforeLagsKernel implements AggregateKernel {
    private final RetractingCountSumKernel counting;

    public CountSumBeforeLagsKernel(KernelContext context) {
        this.counting = new RetractingCountSumKernel(context);
    }

    @Override
    public AccumulatorState newState() {
        return counting.newState();
    }

    @Override
    public void accumulate(AccumulatorState state, int[] groupIds, VectorSchemaRoot input, int[] selection, int count) {
        counting.accumulate(state, groupIds, input, selection, count);
    }

    @Override
    public void merge(AccumulatorState target, int targetGroup, AccumulatorState source, int sourceGroup) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void emit(AccumulatorState state, int group, VectorSchemaRoot output, int row) {
        ((BigIntVector) output.getVector(3)).setSafe(row, state.longs[0][group]);
        BigIntVector sum = (BigIntVector) output.getVector(4);
        if (state.longs[2][group] == 0) {
            sum.setNull(row);
        } else {
            sum.setSafe(row, state.longs[1][group]);
        }
    }
}
