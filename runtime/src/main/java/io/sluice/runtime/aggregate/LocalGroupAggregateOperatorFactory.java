package io.sluice.runtime.aggregate;

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
 * The local step of a two-phase {@code GROUP BY} (Flink's local-global aggregation): in the task
 * that reads the rows, before they are repartitioned by key, each batch is aggregated by key into
 * one row of partial results per key, so the exchange and the global aggregation see a row per key
 * per batch instead of every row. It keeps no results between batches, only the numbering of
 * recent keys. Its input only appends.
 *
 * @param keyColumns   the input columns the groups are keyed by; the output starts with them, in
 *                     this order, and the partial results follow
 * @param kernelClass  the generated append-only accumulators of the partial results
 * @param inputSchema  the input's columns
 * @param outputSchema the keys and partial results, without a row kind
 */
public record LocalGroupAggregateOperatorFactory(int[] keyColumns, Class<? extends AggregateKernel> kernelClass,
                                                 List<Object> references, Schema inputSchema, Schema outputSchema)
        implements OperatorFactory {
    public LocalGroupAggregateOperatorFactory {
        keyColumns = keyColumns.clone();
        requireNonNull(kernelClass, "kernelClass is null");
        references = List.copyOf(references);
        requireNonNull(inputSchema, "inputSchema is null");
        requireNonNull(outputSchema, "outputSchema is null");
    }

    @Override
    public int[] keyColumns() {
        return keyColumns.clone();
    }

    @Override
    public String name() {
        return "LocalGroupAggregate";
    }

    @Override
    public Operator create(TaskContext context, Output output) {
        AggregateKernel kernel = KernelCompiler.instantiate(kernelClass,
                KernelContext.of(references, context));
        return new LocalGroupAggregateOperator(this, kernel, context, output);
    }
}
