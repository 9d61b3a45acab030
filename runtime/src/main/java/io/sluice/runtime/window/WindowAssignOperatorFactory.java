package io.sluice.runtime.window;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A window table function on its own ({@code SELECT * FROM TABLE(TUMBLE(...))}, or an input of a
 * window join): each row is emitted once per window holding it, with {@code window_start},
 * {@code window_end} and {@code window_time} appended. Stateless.
 *
 * @param timeColumn   the input column with the row's event time
 * @param outputSchema the input's columns followed by the three window columns
 */
public record WindowAssignOperatorFactory(WindowSpec window, int timeColumn, Schema outputSchema)
        implements OperatorFactory {
    public WindowAssignOperatorFactory {
        requireNonNull(window, "window is null");
        requireNonNull(outputSchema, "outputSchema is null");
        if (window.kind() == WindowKind.SESSION || window.kind() == WindowKind.GLOBAL || window.kind() == WindowKind.CARRIED) {
            throw new IllegalArgumentException(window.kind() + " windows are known only when aggregated");
        }
    }

    @Override
    public String name() {
        return "WindowAssign";
    }

    @Override
    public Operator create(TaskContext context, Output output) {
        return new WindowAssignOperator(this, context, output);
    }
}
