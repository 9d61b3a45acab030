package io.sluice.runtime.connector.rows;

import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.vector.VectorValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A fixed list of rows, such as a query's {@code VALUES}: read once, by the first task, then
 * the source ends. Values are in {@link VectorValues}' representations. It replays: its reader's
 * position is the index of the next row.
 */
public final class RowsSource implements Source {
    private final List<List<Object>> rows;

    public RowsSource(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> row : rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        this.rows = List.copyOf(copy);
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public int maxParallelism() {
        return 1;
    }

    @Override
    public boolean canReplay() {
        return true;
    }

    @Override
    public SourceReader createReader(TaskContext context, ReadMode mode) {
        return new Reader(context);
    }

    @Override
    public String describe() {
        return "values(" + rows.size() + " rows)";
    }

    private final class Reader implements SourceReader, Checkpointed {
        private final TaskContext context;
        private int next;

        Reader(TaskContext context) {
            this.context = context;
            this.next = context.taskIndex() == 0 ? 0 : rows.size();
        }

        @Override
        public int read(VectorSchemaRoot batch) {
            if (next >= rows.size()) {
                return END;
            }
            int count = Math.min(context.batchSize(), rows.size() - next);
            for (int i = 0; i < count; i++) {
                List<Object> row = rows.get(next + i);
                for (int column = 0; column < row.size(); column++) {
                    VectorValues.set(batch.getVector(column), i, row.get(column));
                }
            }
            next += count;
            batch.setRowCount(count);
            return count;
        }

        @Override
        public void snapshotState(long checkpointId, StateWriter out) throws IOException {
            out.writeInt(next);
        }

        @Override
        public void restoreState(StateReader in) throws IOException {
            next = in.readInt();
        }

        @Override
        public void close() {
        }
    }
}
