package io.sluice.runtime.checkpoint;

/**
 * How a task with several producers treats the barriers of a checkpoint ({@code
 * 'execution.checkpointing.mode'}, as Flink names it).
 */
public enum CheckpointingMode {
    /**
     * After a producer's barrier, its later messages wait until every producer's barrier came: the
     * snapshot holds exactly what came before the barrier from each, so a restore repeats nothing.
     */
    EXACTLY_ONCE,
    /**
     * Nothing waits; the snapshot is taken when the last barrier comes, so it may include rows
     * that follow an earlier barrier, which a restore then replays again.
     */
    AT_LEAST_ONCE
}
