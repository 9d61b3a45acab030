package io.sluice.runtime.operator.calc;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A projection that only picks input columns, with no filter and no expression: it needs no
 * generated kernel and copies nothing, since each batch it emits is made of the input's own
 * vectors.
 *
 * @param columns      for each output column, the input column it is
 * @param outputSchema the schema of the emitted batches
 */
public record ColumnSelectOperatorFactory(int[] columns, Schema outputSchema) implements OperatorFactory {
    public ColumnSelectOperatorFactory {
        columns = columns.clone();
        requireNonNull(outputSchema, "outputSchema is null");
        if (columns.length != outputSchema.getFields().size()) {
            throw new IllegalArgumentException(columns.length + " columns for a schema of "
                    + outputSchema.getFields().size());
        }
    }

    @Override
    public int[] columns() {
        return columns.clone();
    }

    @Override
    public String name() {
        return "ColumnSelect";
    }

    @Override
    public Operator create(TaskContext context, Output output) {
        return new ColumnSelectOperator(columns, outputSchema, output);
    }
}
