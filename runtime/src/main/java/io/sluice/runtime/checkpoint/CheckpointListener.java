package io.sluice.runtime.checkpoint;

/**
 * A part of a running task that acts when a checkpoint is complete, such as a Kafka reader that
 * then commits the offsets that checkpoint holds to its consumer group. Called by the task's own
 * thread, between batches, some time after the checkpoint completed; a notification may be
 * skipped when a later one follows, so a part acts on everything up to the checkpoint it is told of.
 */
public interface CheckpointListener {
    void checkpointComplete(long checkpointId);
}
