package io.sluice.runtime.task;

/**
 * What a task may ask of the job it belongs to. Implemented by the job; tasks poll
 * {@link #isStopping()} between batches so that a cancel or an early finish takes effect within
 * one batch (and within a bounded wait for sources that block).
 */
public interface JobControl {
    /** True once the job was cancelled, failed, or finished early. */
    boolean isStopping();

    /**
     * The job has produced all it needs to (e.g. a {@code LIMIT} was reached): stop the sources
     * and end normally.
     */
    void finishEarly();

    /**
     * True if the job takes checkpoints: a part that makes its output visible only when a
     * checkpoint completes (a file sink's part files) must then hold back what it writes before
     * the first barrier too.
     */
    default boolean checkpointing() {
        return false;
    }
}
