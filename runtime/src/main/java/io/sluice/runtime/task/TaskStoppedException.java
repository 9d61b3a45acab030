package io.sluice.runtime.task;

/**
 * Thrown by work inside a batch (a generated kernel's row loop) when it sees that the job is
 * stopping, so that a long batch gives its thread back within a bounded time. It is not a
 * failure: the job ends the task as if its loop had seen the stop between batches.
 */
public final class TaskStoppedException extends RuntimeException {
    public TaskStoppedException() {
        super("the job is stopping", null, false, false);
    }
}
