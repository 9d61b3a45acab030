package io.sluice.engine.view;

import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.vector.VectorValues;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads a materialized view: a plain {@code SELECT} gets its rows as they stand (insert-only, then
 * the end); {@code SELECT STREAM} gets them as inserts and then follows every change, until the
 * view is dropped.
 */
public final class MaterializedViewSource implements Source {
    private static final long POLL_MILLIS = 100;

    private final MaterializedView view;

    MaterializedViewSource(MaterializedView view) {
        this.view = view;
    }

    public MaterializedView view() {
        return view;
    }

    @Override
    public boolean isBounded() {
        return false;
    }

    @Override
    public boolean supportsSnapshot() {
        return true;
    }

    @Override
    public int maxParallelism() {
        return 1;
    }

    @Override
    public ChangelogMode changelogMode() {
        return ChangelogMode.RETRACT;
    }

    @Override
    public ChangelogMode changelogMode(ReadMode mode) {
        return mode == ReadMode.SNAPSHOT ? ChangelogMode.INSERT_ONLY : ChangelogMode.RETRACT;
    }

    @Override
    public SourceReader createReader(TaskContext context, ReadMode mode) {
        if (context.taskIndex() > 0) {
            return new Rows(List.of(), null, false, context.batchSize());
        }
        if (mode == ReadMode.SNAPSHOT) {
            return new Rows(view.rows().snapshot(), null, false, context.batchSize());
        }
        Map.Entry<List<Object[]>, MaterializedRows.Follower> followed = view.rows().follow();
        return new Rows(followed.getKey(), followed.getValue(), true, context.batchSize());
    }

    /** The snapshot's rows, then, when following, the changes after it. */
    private final class Rows implements SourceReader {
        private final List<Object[]> snapshot;
        private final MaterializedRows.Follower follower;
        private final boolean withKinds;
        private final int batchSize;
        private int next;
        private boolean ended;

        Rows(List<Object[]> snapshot, MaterializedRows.Follower follower, boolean withKinds, int batchSize) {
            this.snapshot = snapshot;
            this.follower = follower;
            this.withKinds = withKinds;
            this.batchSize = batchSize;
        }

        @Override
        public int read(VectorSchemaRoot batch) {
            if (ended) {
                return END;
            }
            int rows = 0;
            while (next < snapshot.size() && rows < batchSize) {
                write(batch, rows++, RowKind.INSERT, snapshot.get(next++));
            }
            if (rows == 0 && follower == null) {
                ended = true;
                return END;
            }
            try {
                long wait = rows == 0 ? POLL_MILLIS : 0;
                MaterializedRows.Change change;
                while (follower != null && rows < batchSize && (change = follower.poll(wait)) != null) {
                    if (change == MaterializedRows.Change.END) {
                        ended = true;
                        break;
                    }
                    write(batch, rows++, change.kind(), change.row());
                    wait = 0;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (rows == 0 && ended) {
                return END;
            }
            batch.setRowCount(rows);
            return rows;
        }

        private void write(VectorSchemaRoot batch, int row, RowKind kind, Object[] values) {
            List<FieldVector> vectors = batch.getFieldVectors();
            for (int column = 0; column < values.length; column++) {
                VectorValues.set(vectors.get(column), row, values[column]);
            }
            if (withKinds) {
                RowKinds.set(RowKinds.of(batch), row, kind);
            }
        }

        @Override
        public void close() {
            if (follower != null) {
                view.rows().unfollow(follower);
            }
        }
    }

    @Override
    public String describe() {
        return "materialized view '" + view.name() + "'";
    }
}
