package io.sluice.engine.job;

import io.sluice.runtime.Clock;
import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.connector.TwoPhaseCommitOutput;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.task.JobControl;
import io.sluice.runtime.task.TaskContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Drives connectors' readers and outputs as a checkpointed job does, for tests against real
 * systems: task contexts, snapshots into bytes, restores from them, and barriers at outputs.
 */
public final class CheckpointedParts {
    private static final JobControl RUNNING = new JobControl() {
        @Override
        public boolean isStopping() {
            return false;
        }

        @Override
        public void finishEarly() {
        }
    };

    private CheckpointedParts() {
    }

    /** Task {@code index} of {@code parallelism}, of a job that never stops, on the system clock. */
    public static TaskContext task(BufferAllocator allocator, int index, int parallelism, int batchSize) {
        return new TaskContext("task-" + index, index, parallelism, allocator, new QueryMetrics(), Clock.SYSTEM, RUNNING,
                batchSize);
    }

    /** What a reader's or output's {@link Checkpointed#snapshotState} writes. */
    public static byte[] snapshot(Object part, long checkpointId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StateWriter out = new StateWriter(bytes)) {
            ((Checkpointed) part).snapshotState(checkpointId, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static void restore(Object part, byte[] state) {
        try {
            ((Checkpointed) part).restoreState(new StateReader(new ByteArrayInputStream(state)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A barrier at the output: what its sink's committer is given for checkpoint {@code checkpointId}. */
    public static byte[] prepareCommit(TwoPhaseCommitOutput output, long checkpointId) {
        try {
            return output.prepareCommit(checkpointId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
