package io.sluice.runtime.window;

import io.sluice.runtime.codegen.AccumulatorState;
import io.sluice.runtime.codegen.AggregateKernel;
import io.sluice.runtime.codegen.KernelContext;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A hand-written stand-in for a generated kernel whose accumulator keeps an object, as LISTAGG's
 * does: {@code COUNT(*)} and {@code LISTAGG(k)} of the input's VARCHAR column 1 (a StringBuilder,
 * charged to its group by its length), written to the output's last two columns.
 */
public final class CountListAggKernel implements AggregateKernel {
    public CountListAggKernel(KernelContext context) {
    }

    @Override
    public AccumulatorState newState() {
        return new AccumulatorState(1, 0, 0, 1);
    }

    @Override
    public void accumulate(AccumulatorState state, int[] groupIds, VectorSchemaRoot input, int[] selection, int count) {
        VarCharVector keys = (VarCharVector) input.getVector(1);
        for (int j = 0; j < count; j++) {
            int group = groupIds[j];
            state.longs[0][group]++;
            if (!keys.isNull(selection[j])) {
                append(state, group, new String(keys.get(selection[j]), StandardCharsets.UTF_8));
            }
        }
    }

    @Override
    public void merge(AccumulatorState target, int targetGroup, AccumulatorState source, int sourceGroup) {
        target.longs[0][targetGroup] += source.longs[0][sourceGroup];
        if (source.objects[0][sourceGroup] != null) {
            append(target, targetGroup, source.objects[0][sourceGroup].toString());
        }
    }

    private static void append(AccumulatorState state, int group, String value) {
        StringBuilder list = (StringBuilder) state.objects[0][group];
        if (list == null) {
            state.objects[0][group] = new StringBuilder(value);
        } else {
            list.append(',').append(value);
        }
        state.hold(group, 2L * value.length() + 2);
    }

    @Override
    public void emit(AccumulatorState state, int group, VectorSchemaRoot output, int row) {
        int columns = output.getFieldVectors().size();
        ((BigIntVector) output.getVector(columns - 2)).setSafe(row, state.longs[0][group]);
        Object list = state.objects[0][group];
        VarCharVector text = (VarCharVector) output.getVector(columns - 1);
        if (list == null) {
            text.setNull(row);
        } else {
            text.setSafe(row, list.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
