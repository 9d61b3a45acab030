package io.sluice.runtime.checkpoint;

/**
 * What becomes of a job's checkpoints when it ends ({@code
 * 'execution.checkpointing.externalized-checkpoint-retention'}, as Flink names it). A job that
 * failed for good always keeps them, to be looked at or resumed from.
 */
public enum CheckpointRetention {
    /** A job that finished or was stopped deletes its checkpoints. */
    DELETE_ON_CANCELLATION,
    /** A job keeps its checkpoints whatever way it ends. */
    RETAIN_ON_CANCELLATION;

    public static final String OPTION = "execution.checkpointing.externalized-checkpoint-retention";
}
