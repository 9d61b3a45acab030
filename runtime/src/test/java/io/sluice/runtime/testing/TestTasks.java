package io.sluice.runtime.testing;

import io.sluice.runtime.Clock;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.task.JobControl;
import io.sluice.runtime.task.TaskContext;
import org.apache.arrow.memory.BufferAllocator;

/** Task contexts for tests of sources and operators, with a job that never stops. */
public final class TestTasks {
    private static final JobControl RUNNING = new JobControl() {
        @Override
        public boolean isStopping() {
            return false;
        }

        @Override
        public void finishEarly() {
        }
    };

    private static final JobControl CHECKPOINTING = new JobControl() {
        @Override
        public boolean isStopping() {
            return false;
        }

        @Override
        public void finishEarly() {
        }

        @Override
        public boolean checkpointing() {
            return true;
        }
    };

    private TestTasks() {
    }

    public static TaskContext context(BufferAllocator allocator, QueryMetrics metrics, int taskIndex, int parallelism,
            int batchSize) {
        return context(allocator, metrics, Clock.SYSTEM, taskIndex, parallelism, batchSize);
    }

    /** A context whose time is the test's clock. */
    public static TaskContext context(BufferAllocator allocator, QueryMetrics metrics, Clock clock, int taskIndex,
            int parallelism, int batchSize) {
        return new TaskContext("test-task-" + taskIndex, taskIndex, parallelism, allocator, metrics, clock, RUNNING,
                batchSize);
    }

    /** A context whose job takes checkpoints, and whose time is the test's clock. */
    public static TaskContext checkpointing(BufferAllocator allocator, QueryMetrics metrics, Clock clock, int taskIndex,
            int parallelism, int batchSize) {
        return new TaskContext("test-task-" + taskIndex, taskIndex, parallelism, allocator, metrics, clock,
                CHECKPOINTING, batchSize);
    }
}
