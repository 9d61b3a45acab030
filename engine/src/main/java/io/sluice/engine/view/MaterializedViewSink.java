package io.sluice.engine.view;

import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.state.StateMemory;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.task.TaskContext;
import java.io.IOException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Where a materialized view's query writes: the view's rows, applied batch by batch in one task,
 * their size charged to the query's memory while it runs. In a job that takes checkpoints the
 * rows are part of each checkpoint, so that a job resumed from one (after a crash of the server)
 * holds exactly what the view held at its barrier, and goes on from there.
 */
final class MaterializedViewSink implements Sink {
    private final MaterializedView view;

    /** @param view the view, whose rows exist once its query is planned */
    MaterializedViewSink(MaterializedView view) {
        this.view = view;
    }

    @Override
    public Output createOutput(TaskContext context) {
        return new ViewOutput(view, context.allocator());
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
        return "materialized view '" + view.name() + "'";
    }

    /** The one writer of a view's rows. */
    private static final class ViewOutput implements Output, Checkpointed {
        private final MaterializedView view;
        private final MaterializedRows rows;
        private final BufferAllocator allocator;
        private final StateMemory memory;

        ViewOutput(MaterializedView view, BufferAllocator allocator) {
            this.view = view;
            this.rows = view.rows();
            this.allocator = allocator;
            this.memory = new StateMemory(allocator, "the materialized view '" + view.name() + "'");
        }

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
        public void snapshotState(long checkpointId, StateWriter out) throws IOException {
            rows.writeTo(out, view.schema(), allocator);
        }

        @Override
        public void restoreState(StateReader in) throws IOException {
            rows.restore(in, view.schema(), allocator);
            memory.update(rows.estimatedBytes());
        }

        @Override
        public void close() {
            memory.close();
        }
    }
}
