package io.sluice.engine.view;

import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.state.StateMemory;
import io.sluice.runtime.task.TaskContext;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Where a materialized view's query writes: the view's rows, applied batch by batch in one task,
 * their size charged to the query's memory while it runs.
 */
final class MaterializedViewSink implements Sink {
    private final String view;
    private final java.util.function.Supplier<MaterializedRows> rowsOfView;

    /** @param rows the view's rows, which exist once its query is planned */
    MaterializedViewSink(String view, java.util.function.Supplier<MaterializedRows> rows) {
        this.view = view;
        this.rowsOfView = rows;
    }

    @Override
    public Output createOutput(TaskContext context) {
        MaterializedRows rows = rowsOfView.get();
        StateMemory memory = new StateMemory(context.allocator(), "the materialized view '" + view + "'");
        return new Output() {
            @Override
            public void emit(VectorSchemaRoot batch) {
                rows.apply(batch);
                memory.update(rows.estimatedBytes());
            }

            @Override
            public void emitWatermark(long watermark) {
            }

            @Override
            public void finish() {
            }

            @Override
            public void close() {
                memory.close();
            }
        };
    }

    @Override
    public boolean needsSingleWriter() {
        return true;
    }

    @Override
    public ChangelogMode acceptedChangelog() {
        return ChangelogMode.RETRACT;
    }

    @Override
    public String describe() {
        return "materialized view '" + view + "'";
    }
}
