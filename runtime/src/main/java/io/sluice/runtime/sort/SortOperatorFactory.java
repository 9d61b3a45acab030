package io.sluice.runtime.sort;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code ORDER BY … [OFFSET m] [LIMIT n]} over a bounded input: buffers every row, then emits them
 * sorted when the input ends, skipping the first {@code offset} and stopping after {@code fetch}.
 * Runs with parallelism 1, after the rows of all tasks are gathered.
 *
 * @param schema the rows' columns, without the row-kind column a changelog input carries
 * @param changelogInput true if the input is a changelog: the rows sorted are those it leaves
 * @param order  the sort order; empty keeps the order rows came in
 * @param offset how many sorted rows to skip
 * @param fetch  how many rows to emit at most; -1 for all
 */
public record SortOperatorFactory(Schema schema, boolean changelogInput, List<SortField> order, long offset, long fetch)
        implements OperatorFactory {
    public SortOperatorFactory {
        requireNonNull(schema, "schema is null");
        order = List.copyOf(order);
        if (offset < 0 || fetch < -1) {
            throw new IllegalArgumentException("offset and fetch must not be negative: " + offset + ", " + fetch);
        }
    }

    @Override
    public String name() {
        return "Sort";
    }

    @Override
    public Operator create(TaskContext context, Output output) {
        return new SortOperator(this, context, output);
    }
}
