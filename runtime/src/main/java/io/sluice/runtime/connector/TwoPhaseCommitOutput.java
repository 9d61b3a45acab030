package io.sluice.runtime.connector;

import io.sluice.runtime.operator.Output;
import java.io.IOException;

/**
 * A sink's output that writes exactly once across crashes: what it is given between two
 * checkpoint barriers is written where no reader sees it yet (a Kafka transaction, an in-progress
 * part file, an open database transaction), sealed at the barrier by {@link #prepareCommit}, and
 * made visible by the sink's {@link SinkCommitter} once the checkpoint that holds the returned
 * commit is complete.
 */
public interface TwoPhaseCommitOutput extends Output {
    /**
     * Called by the task's thread when a barrier reaches the output, after every row before it:
     * flushes, seals what was written since the previous barrier, starts writing anew, and returns
     * what the committer needs to make the sealed part visible (an empty array when nothing was
     * written). The checkpoint keeps the returned bytes.
     */
    byte[] prepareCommit(long checkpointId) throws IOException;
}
