package io.sluice.runtime.join;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * An equi-join of two inputs within windows: rows meet only rows of the same window (both inputs
 * carry its end), and a window's pairs are emitted when the watermark of both inputs passes its
 * end; then its rows are dropped. Both inputs are partitioned by the keys, so equal keys meet in
 * one task. Without window columns the whole input is one window, joined when it ends (a join of
 * bounded tables).
 *
 * @param leftWindowEnd  the left input's window end column, or -1 for one window over everything
 * @param rightWindowEnd the right input's window end column, or -1
 */
public record WindowJoinOperatorFactory(JoinKind kind, Schema leftSchema, Schema rightSchema, int[] leftKeys,
                                        int[] rightKeys, int leftWindowEnd, int rightWindowEnd, Schema outputSchema)
        implements OperatorFactory {
    public WindowJoinOperatorFactory {
        requireNonNull(kind, "kind is null");
        requireNonNull(leftSchema, "leftSchema is null");
        requireNonNull(rightSchema, "rightSchema is null");
        leftKeys = leftKeys.clone();
        rightKeys = rightKeys.clone();
        if (leftKeys.length == 0) {
            throw new IllegalArgumentException("a window join needs at least one key");
        }
        KeyColumns.requireSameTypes(leftSchema, rightSchema, leftKeys, rightKeys);
        if ((leftWindowEnd < 0) != (rightWindowEnd < 0)) {
            throw new IllegalArgumentException("both inputs of a window join need a window end");
        }
        requireNonNull(outputSchema, "outputSchema is null");
    }

    @Override
    public String name() {
        return "WindowJoin";
    }

    @Override
    public Operator create(TaskContext context, Output output) {
        return new WindowJoinOperator(this, context, output);
    }
}
