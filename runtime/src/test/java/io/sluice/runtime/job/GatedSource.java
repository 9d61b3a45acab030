package io.sluice.runtime.job;

import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.vector.ColumnTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A replayable source of {@code rows} keys ({@code k0} .. {@code k<keys-1>}, row {@code i} has
 * key {@code i % keys}); task {@code t} of {@code n} reads the rows with {@code i % n == t}, at most
 * four at a time, and only those below the gate the test opens: a test decides how far the
 * sources are when it takes a checkpoint. A test can also hold one task inside its read, so that
 * it sends no barrier until let go. Its readers' position is the next row's index.
 */
final class GatedSource implements Source {
    static final Schema SCHEMA = new Schema(List.of(Field.nullable("k", ColumnTypes.VARCHAR)));

    private final int rows;
    private final int keys;
    private final AtomicInteger gate = new AtomicInteger();
    private final AtomicInteger heldTask = new AtomicInteger(-1);
    private final AtomicInteger waitingTask = new AtomicInteger(-1);

    GatedSource(int rows, int keys) {
        this.rows = rows;
        this.keys = keys;
    }

    /** Lets the readers read every row below {@code row}. */
    void open(int row) {
        gate.set(row);
    }

    /** Holds task {@code task} in its next read until {@link #letGo()}. */
    void hold(int task) {
        heldTask.set(task);
    }

    /** True once the held task waits inside a read. */
    boolean holding() {
        return waitingTask.get() >= 0;
    }

    void letGo() {
        heldTask.set(-1);
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public boolean canReplay() {
        return true;
    }

    @Override
    public SourceReader createReader(TaskContext context, ReadMode mode) {
        return new Reader(context.taskIndex(), context.parallelism());
    }

    @Override
    public String describe() {
        return "gated(" + rows + " rows)";
    }

    private final class Reader implements SourceReader, Checkpointed {
        private final int task;
        private final int step;
        private int next;

        Reader(int task, int parallelism) {
            this.task = task;
            this.step = parallelism;
            this.next = task;
        }

        @Override
        public int read(VectorSchemaRoot batch) {
            while (heldTask.get() == task) {
                waitingTask.set(task);
                LockSupport.parkNanos(1_000_000);
            }
            waitingTask.compareAndSet(task, -1);
            if (next >= rows) {
                return END;
            }
            VarCharVector key = (VarCharVector) batch.getVector(0);
            int count = 0;
            while (count < 4 && next < rows && next < gate.get()) {
                key.setSafe(count++, ("k" + next % keys).getBytes(StandardCharsets.UTF_8));
                next += step;
            }
            if (count == 0) {
                LockSupport.parkNanos(1_000_000);
            }
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
