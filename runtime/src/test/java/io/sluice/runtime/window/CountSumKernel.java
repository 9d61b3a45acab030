package io.sluice.runtime.window;

import io.sluice.runtime.codegen.AccumulatorState;
import io.sluice.runtime.codegen.AggregateKernel;
import io.sluice.runtime.codegen.KernelContext;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A hand-written stand-in for a generated kernel: {@code COUNT(*)} and {@code SUM(v)} of the
 * input's BIGINT column 2, written to the output's last two columns.
 */
public final class CountSumKernel implements AggregateKernel {
    public CountSumKernel(KernelContext context) {
    }

    @Override
    public AccumulatorState newState() {
        return new AccumulatorState(2, 0, 0, 0);
    }

    @Override
    public void accumulate(AccumulatorState state, int[] groupIds, VectorSchemaRoot input, int[] selection, int count) {
        BigIntVector values = (BigIntVector) input.getVector(2);
        for (int j = 0; j < count; j++) {
            int group = groupIds[j];
            state.longs[0][group]++;
            if (!values.isNull(selection[j])) {
                state.longs[1][group] += values.get(selection[j]);
            }
        }
    }

    @Override
    public void merge(AccumulatorState target, int targetGroup, AccumulatorState source, int sourceGroup) {
        target.longs[0][targetGroup] += source.longs[0][sourceGroup];
        target.longs[1][targetGroup] += source.longs[1][sourceGroup];
    }

    @Override
    public void emit(AccumulatorState state, int group, VectorSchemaRoot output, int row) {
        int columns = output.getFieldVectors().size();
        ((BigIntVector) output.getVector(columns - 2)).setSafe(row, state.longs[0][group]);
        ((BigIntVector) output.getVector(columns - 1)).setSafe(row, state.longs[1][group]);
    }
}
