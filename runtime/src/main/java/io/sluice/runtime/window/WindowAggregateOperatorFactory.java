package io.sluice.runtime.window;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.codegen.AggregateKernel;
import io.sluice.runtime.codegen.KernelCompiler;
import io.sluice.runtime.codegen.KernelContext;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * An aggregation over event-time windows, grouped by keys. Its input is partitioned by the keys,
 * so each task owns its keys and their state. A window's results are emitted once, when the
 * watermark passes its end; a row whose windows have all fired is late: dropped and counted.
 *
 * @param timeColumn   the input column holding each row's event time
 * @param keyColumns   the input columns the groups are keyed by
 * @param groupOutputs what each leading output column holds (window bounds or keys); the
 *                     aggregate results follow them
 * @param kernelClass  the generated accumulators
 */
public record WindowAggregateOperatorFactory(WindowSpec window, int timeColumn, int[] keyColumns,
                                             List<GroupOutput> groupOutputs,
                                             Class<? extends AggregateKernel> kernelClass, List<Object> references,
                                             Schema inputSchema, Schema outputSchema) implements OperatorFactory {
    public WindowAggregateOperatorFactory {
        requireNonNull(window, "window is null");
        keyColumns = keyColumns.clone();
        groupOutputs = List.copyOf(groupOutputs);
        requireNonNull(kernelClass, "kernelClass is null");
        references = List.copyOf(references);
        requireNonNull(inputSchema, "inputSchema is null");
        requireNonNull(outputSchema, "outputSchema is null");
    }

    @Override
    public String name() {
        return "WindowAggregate";
    }

    @Override
    public Operator create(TaskContext context, Output output) {
        AggregateKernel kernel = KernelCompiler.instantiate(kernelClass,
                KernelContext.of(references, context));
        return window.kind() == WindowKind.SESSION
                ? new SessionWindowOperator(this, kernel, context, output)
                : new SlicedWindowOperator(this, kernel, context, output);
    }

    /** For each key, the output column that carries it. */
    int[] keyOutputColumns() {
        int[] columns = new int[keyColumns.length];
        for (int i = 0; i < groupOutputs.size(); i++) {
            if (groupOutputs.get(i).kind() == GroupOutput.Kind.KEY) {
                columns[groupOutputs.get(i).keyIndex()] = i;
            }
        }
        return columns;
    }
}
