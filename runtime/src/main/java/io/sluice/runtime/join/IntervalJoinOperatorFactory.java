package io.sluice.runtime.join;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import java.util.Set;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A join of two appending inputs whose rows match only within a distance in event time
 * ({@link TimeBounds}), as Flink SQL's interval join: each row is kept, by join key, until the
 * watermark shows that no row still to come of the other input can fall within its bounds; a row
 * that comes meets the other input's kept rows of its key within the bounds, then the
 * {@link JoinCondition}, and the pairs are emitted at once. An outer side's row that met nothing is
 * emitted padded with NULLs when its bound passes. The output only appends; its watermark trails
 * the input's by {@link TimeBounds#outputDelay()}, so that every row it emits is on time for
 * what follows. Both inputs are partitioned by the keys (gathered when there are none).
 *
 * @param kind         inner, left, right or full
 * @param condition    the condition beyond the key equalities and the time bounds, or null
 * @param outputSchema the left columns, then the right ones
 */
public record IntervalJoinOperatorFactory(JoinKind kind, Schema leftSchema, Schema rightSchema, int[] leftKeys,
                                          int[] rightKeys, TimeBounds bounds, JoinCondition condition,
                                          Schema outputSchema) implements OperatorFactory {
    private static final Set<JoinKind> KINDS = Set.of(JoinKind.INNER, JoinKind.LEFT, JoinKind.RIGHT, JoinKind.FULL);

    public IntervalJoinOperatorFactory {
        requireNonNull(kind, "kind is null");
        requireNonNull(leftSchema, "leftSchema is null");
        requireNonNull(rightSchema, "rightSchema is null");
        requireNonNull(bounds, "bounds is null");
        requireNonNull(outputSchema, "outputSchema is null");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("an interval join is inner or outer, not " + kind);
        }
        leftKeys = leftKeys.clone();
        rightKeys = rightKeys.clone();
        KeyColumns.requireSameTypes(leftSchema, rightSchema, leftKeys, rightKeys);
    }

    Schema schema(int input) {
        return input == 0 ? leftSchema : rightSchema;
    }

    @Override
    public String name() {
        return "IntervalJoin";
    }

    @Override
    public Operator create(TaskContext context, Output output) {
        return new IntervalJoinOperator(this, context, output);
    }
}
