package io.sluice.runtime.aggregate;

import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.codegen.AccumulatorState;
import io.sluice.runtime.codegen.AggregateKernel;
import io.sluice.runtime.codegen.KernelContext;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A hand-written stand-in for a generated changelog kernel: {@code COUNT(*)} and {@code SUM(v)}
 * of the input's BIGINT column 1, a {@code -U}/{@code -D} row taken out, written to the output's
 * last two columns; the sum is NULL when no value is left. Without a row-kind column every row adds.
 */
public final class RetractingCountSumKernel implements AggregateKernel {
    public RetractingCountSumKernel(KernelContext context) {
    }

    @Override
    public AccumulatorState newState() {
        return new AccumulatorState(3, 0, 0, 0);
    }

    @Override
    public void accumulate(AccumulatorState state, int[] groupIds, VectorSchemaRoot input, int[] selection, int count) {
        BigIntVector values = (BigIntVector) input.getVector(1);
        boolean changelog = RowKinds.carried(input);
        for (int j = 0; j < count; j++) {
            int row = selection[j];
            int group = groupIds[j];
            int sign = changelog && RowKind.retracts(RowKinds.of(input).get(row)) ? -1 : 1;
            state.longs[0][group] += sign;
            if (!values.isNull(row)) {
                state.longs[1][group] += sign * values.get(row);
                state.longs[2][group] += sign;
            }
        }
    }

    @Override
    public void merge(AccumulatorState target, int targetGroup, AccumulatorState source, int sourceGroup) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void emit(AccumulatorState state, int group, VectorSchemaRoot output, int row) {
        int columns = output.getFieldVectors().size();
        ((BigIntVector) output.getVector(columns - 2)).setSafe(row, state.longs[0][group]);
        BigIntVector sum = (BigIntVector) output.getVector(columns - 1);
        if (state.longs[2][group] == 0) {
            sum.setNull(row);
        } else {
            sum.setSafe(row, state.longs[1][group]);
        }
    }
}
