package io.sluice.runtime.aggregate;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.codegen.AggregateKernel;
import io.sluice.runtime.codegen.KernelCompiler;
import io.sluice.runtime.codegen.KernelContext;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.state.StateTtl;
import io.sluice.runtime.task.TaskContext;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A {@code GROUP BY} without a window: an aggregation whose result updates as rows come and go.
 * Its input is partitioned by the keys (gathered to one task without keys), so each task owns its
 * groups. After each input batch it emits the changes of the groups the batch touched, as a
 * retract changelog: {@code +I} for a new group, {@code -U} old then {@code +U} new for a changed
 * one, {@code -D} for a group whose rows all went; nothing for a group whose result is the same.
 *
 * @param keyColumns   the input columns the groups are keyed by; the output starts with them, in
 *                     this order, and the aggregate results follow
 * @param kernelClass  the generated accumulators, retractable when the input is a changelog
 * @param changelog    whether the input carries row kinds (its last column)
 * @param inputSchema  the input's columns (with the row kind last when it is a changelog)
 * @param outputSchema the output's columns, the row kind last
 * @param stateTtl     how long a group may stay untouched before it is dropped (without a {@code -D})
 * @param finalResult  whether the result is read when the bounded input ends (a plain {@code SELECT}):
 *                     then an aggregation without keys and without rows left inserts, at the end,
 *                     the one row SQL gives for no rows ({@code COUNT(*)} 0, the others NULL)
 * @param updateBefore whether an update emits its old value ({@code -U}) before the new; not for a
 *                     consumer that writes the result by its keys (upsert mode)
 */
public record GroupAggregateOperatorFactory(int[] keyColumns, Class<? extends AggregateKernel> kernelClass,
                                            List<Object> references, boolean changelog, Schema inputSchema,
                                            Schema outputSchema, StateTtl stateTtl, boolean finalResult,
                                            boolean updateBefore)
        implements OperatorFactory {
    public GroupAggregateOperatorFactory {
        keyColumns = keyColumns.clone();
        requireNonNull(kernelClass, "kernelClass is null");
        references = List.copyOf(references);
        requireNonNull(inputSchema, "inputSchema is null");
        requireNonNull(outputSchema, "outputSchema is null");
        requireNonNull(stateTtl, "stateTtl is null");
    }

    @Override
    public int[] keyColumns() {
        return keyColumns.clone();
    }

    @Override
    public String name() {
        return "GroupAggregate";
    }

    @Override
    public Operator create(TaskContext context, Output output) {
        AggregateKernel kernel = KernelCompiler.instantiate(kernelClass,
                KernelContext.of(references, context));
        return new GroupAggregateOperator(this, kernel, context, output);
    }
}
