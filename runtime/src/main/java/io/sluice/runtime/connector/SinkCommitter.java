package io.sluice.runtime.connector;

import java.util.List;

/**
 * Makes the commits that a sink's {@link TwoPhaseCommitOutput}s prepared visible, once the
 * checkpoint that holds them is complete. Called by the job's checkpoint thread, not by a task.
 *
 * <p>When a job resumes from a checkpoint, the committer is given that checkpoint's commits again
 * (the previous run may have crashed before or while committing them), so committing must be
 * idempotent: a commit already visible is left as it is.
 */
public interface SinkCommitter extends AutoCloseable {
    /** Makes visible the commits {@code committables} (one per task that wrote) of checkpoint {@code checkpointId}. */
    void commit(long checkpointId, List<byte[]> committables);

    @Override
    default void close() {
    }
}
