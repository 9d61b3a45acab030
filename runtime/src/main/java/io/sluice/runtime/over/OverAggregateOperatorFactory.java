package io.sluice.runtime.over;

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
 * An OVER aggregation: each input row comes out once, with the aggregates of its frame and its
 * LAG values, in the order of its partition's time column. Runs after its input is
 * hash-partitioned by the partition keys (gathered without keys). Over event time a row waits
 * until the watermark passes its time; over processing time it comes out at once.
 *
 * @param inputSchema   the input's columns (appended rows only)
 * @param partitionKeys the input columns that partition the rows
 * @param timeColumn    the input's time column (a TIMESTAMP) the rows are ordered by
 * @param eventTime     true if the time column is the rowtime; false for processing time
 * @param frame         the frame the aggregates are computed over
 * @param kernelClass   the generated accumulators of the aggregate calls, retractable (reading the
 *                      row kind after the input's columns) for a bounded frame
 * @param lags          the LAG calls, whose results follow the aggregates' in the output
 * @param outputSchema  the output's columns: the input's, the aggregates', the LAG values
 */
public record OverAggregateOperatorFactory(Schema inputSchema, int[] partitionKeys, int timeColumn, boolean eventTime,
                                           OverFrame frame, Class<? extends AggregateKernel> kernelClass,
                                           List<Object> references, List<LagCall> lags, Schema outputSchema)
        implements OperatorFactory {
    public OverAggregateOperatorFactory {
        requireNonNull(inputSchema, "inputSchema is null");
        partitionKeys = partitionKeys.clone();
        requireNonNull(frame, "frame is null");
        requireNonNull(kernelClass, "kernelClass is null");
        references = List.copyOf(references);
        lags = List.copyOf(lags);
        requireNonNull(outputSchema, "outputSchema is null");
    }

    @Override
    public int[] partitionKeys() {
        return partitionKeys.clone();
    }

    /** How many rows back LAG reads at most. */
    int longestLag() {
        return lags.stream().mapToInt(LagCall::offset).max().orElse(0);
    }

    @Override
    public String name() {
        return "OverAggregate";
    }

    @Override
    public Operator create(TaskContext context, Output output) {
        AggregateKernel kernel = KernelCompiler.instantiate(kernelClass, KernelContext.of(references, context));
        return new OverAggregateOperator(this, kernel, context, output);
    }
}
