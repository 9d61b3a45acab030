package io.sluice.runtime.window;

import io.sluice.runtime.operator.OutputRows;

import io.sluice.runtime.codegen.AccumulatorState;
import io.sluice.runtime.codegen.AggregateKernel;
import io.sluice.runtime.window.group.GroupByHash;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Writes the rows of a fired window: its bounds and keys, then the aggregate results of each group. */
final class WindowResults {
    private final List<GroupOutput> groupOutputs;
    private final int[] keyOutputColumns;
    private final AggregateKernel kernel;
    private final OutputRows rows;

    WindowResults(WindowAggregateOperatorFactory spec, AggregateKernel kernel, OutputRows rows) {
        this.groupOutputs = spec.groupOutputs();
        this.keyOutputColumns = spec.keyOutputColumns();
        this.kernel = kernel;
        this.rows = rows;
    }

    /** Writes group {@code group} of the state as a result of the window {@code [start, end)}. */
    void write(SliceState state, int group, long start, long end) {
        write(state.groups(), group, state.accumulators(), group, start, end);
    }

    /**
     * Writes a result of the window {@code [start, end)}: the key of group {@code keyGroup} and
     * the accumulators of group {@code accumulatorGroup}.
     */
    void write(GroupByHash keys, int keyGroup, AccumulatorState accumulators, int accumulatorGroup, long start,
               long end) {
        int row = rows.nextRow();
        for (int column = 0; column < groupOutputs.size(); column++) {
            switch (groupOutputs.get(column).kind()) {
                case WINDOW_START -> rows.setTimestamp(column, row, start);
                case WINDOW_END -> rows.setTimestamp(column, row, end);
                case WINDOW_TIME -> rows.setTimestamp(column, row, end - 1);
                case KEY -> {
                }
            }
        }
        VectorSchemaRoot batch = rows.batch();
        keys.writeKey(keyGroup, batch, row, keyOutputColumns);
        kernel.emit(accumulators, accumulatorGroup, batch, row);
    }

    /**
     * Writes every group of the state as results of the window {@code [start, end)}, a batch's
     * worth of rows at a time: the bounds and keys column by column, then each group's results.
     */
    void writeAll(SliceState state, long start, long end) {
        GroupByHash keys = state.groups();
        AccumulatorState accumulators = state.accumulators();
        int groups = keys.groupCount();
        int group = 0;
        while (group < groups) {
            int count = rows.reserve(groups - group);
            int row = rows.size();
            for (int column = 0; column < groupOutputs.size(); column++) {
                switch (groupOutputs.get(column).kind()) {
                    case WINDOW_START -> rows.fillTimestamp(column, row, count, start);
                    case WINDOW_END -> rows.fillTimestamp(column, row, count, end);
                    case WINDOW_TIME -> rows.fillTimestamp(column, row, count, end - 1);
                    case KEY -> {
                    }
                }
            }
            VectorSchemaRoot batch = rows.batch();
            keys.writeKeys(group, count, batch, row, keyOutputColumns);
            for (int i = 0; i < count; i++) {
                kernel.emit(accumulators, group + i, batch, row + i);
            }
            rows.advance(count);
            group += count;
        }
    }
}
