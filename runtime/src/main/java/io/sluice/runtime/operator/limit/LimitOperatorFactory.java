package io.sluice.runtime.operator.limit;

import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;

/**
 * Passes the first {@code limit} rows, then finishes its output and ends the job early. Runs
 * with parallelism 1, after the rows of all tasks are gathered.
 */
public record LimitOperatorFactory(long limit) implements OperatorFactory {
    public LimitOperatorFactory {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }

    @Override
    public String name() {
        return "Limit";
    }

    @Override
    public Operator create(TaskContext context, Output output) {
        return new LimitOperator(this, context, output);
    }
}
