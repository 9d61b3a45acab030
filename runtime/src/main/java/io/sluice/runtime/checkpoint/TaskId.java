package io.sluice.runtime.checkpoint;

import static java.util.Objects.requireNonNull;

/** One parallel task of a job: task {@code index} of the pipeline named {@code pipeline}. */
public record TaskId(String pipeline, int index) {
    public TaskId {
        requireNonNull(pipeline, "pipeline is null");
        if (index < 0) {
            throw new IllegalArgumentException("task index must not be negative: " + index);
        }
    }

    @Override
    public String toString() {
        return pipeline + "-" + index;
    }
}
