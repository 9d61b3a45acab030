package io.sluice.runtime.operator.limit;

import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;

/**
 * Passes the first {@code limit} rows, then ends its output (the watermark reaches its end, so
 * that windows and aggregations after it fire, and it finishes). Runs with parallelism 1, after
 * the rows of all tasks are gathered.
 *
 * @param endsJob whether the limit's rows are the job's result (only filters and projections
 *                after it), so that reaching it ends the whole job early; a limit below an
 *                aggregation, a join or a union lets the rest of the job end as its inputs do
 */
public record LimitOperatorFactory(long limit, boolean endsJob) implements OperatorFactory {
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
