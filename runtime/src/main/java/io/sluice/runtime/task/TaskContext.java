package io.sluice.runtime.task;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.Clock;
import io.sluice.runtime.metrics.QueryMetrics;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What a running operator, source reader or output may use: its place among the parallel tasks
 * of its pipeline, the query's allocator, metrics and clock, and the job's controls.
 *
 * @param taskIndex   this task's index among the pipeline's parallel tasks, from 0
 * @param parallelism how many parallel tasks run this pipeline
 * @param allocator   the query's allocator; operators that buffer make a named child of it
 * @param batchSize   the number of rows a batch should hold at most
 */
public record TaskContext(
        String taskName,
        int taskIndex,
        int parallelism,
        BufferAllocator allocator,
        QueryMetrics metrics,
        Clock clock,
        JobControl job,
        int batchSize) {
    public TaskContext {
        requireNonNull(taskName, "taskName is null");
        requireNonNull(allocator, "allocator is null");
        requireNonNull(metrics, "metrics is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(job, "job is null");
        if (taskIndex < 0 || taskIndex >= parallelism) {
            throw new IllegalArgumentException("task index " + taskIndex + " out of " + parallelism);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
    }
}
