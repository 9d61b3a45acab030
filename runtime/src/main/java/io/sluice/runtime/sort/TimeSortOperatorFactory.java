package io.sluice.runtime.sort;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code ORDER BY} a time attribute (then other columns) over a stream: rows wait until the
 * watermark passes their time, then leave sorted; the watermark follows them. A row that comes
 * after the watermark passed its time is late, and leaves with the next rows (as Flink's temporal
 * sort, the order holds for rows that are on time). Runs with parallelism 1, after the rows of all
 * tasks are gathered.
 *
 * @param schema     the rows' columns
 * @param timeColumn the time attribute, the first column of the order (ascending), epoch milliseconds
 * @param order      the sort order, the time attribute first
 */
public record TimeSortOperatorFactory(Schema schema, int timeColumn, List<SortField> order) implements OperatorFactory {
    public TimeSortOperatorFactory {
        requireNonNull(schema, "schema is null");
        order = List.copyOf(order);
    }

    @Override
    public String name() {
        return "TimeSort";
    }

    @Override
    public Operator create(TaskContext context, Output output) {
        return new TimeSortOperator(this, context, output);
    }
}
