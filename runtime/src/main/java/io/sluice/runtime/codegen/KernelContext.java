package io.sluice.runtime.codegen;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.Clock;
import io.sluice.runtime.task.JobControl;
import io.sluice.runtime.task.TaskContext;
import java.util.List;

/**
 * What a generated kernel may use besides its input: the objects its source refers to by index
 * (constants that are not written into the source, such as decimals and patterns), the clock
 * for functions like {@code CURRENT_TIMESTAMP}, and the job, whose stop a kernel's row loop
 * checks every {@link #STOP_CHECK_ROWS} rows (throwing
 * {@link io.sluice.runtime.task.TaskStoppedException}).
 */
public record KernelContext(Object[] references, Clock clock, JobControl job) {
    /** How many rows a kernel's loop computes between two looks at the job's stop (a power of two). */
    public static final int STOP_CHECK_ROWS = 64;

    public KernelContext {
        requireNonNull(references, "references is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(job, "job is null");
    }

    /** The context of a kernel run by a task: the task's clock and job. */
    public static KernelContext of(List<Object> references, TaskContext task) {
        return new KernelContext(references.toArray(), task.clock(), task.job());
    }
}
