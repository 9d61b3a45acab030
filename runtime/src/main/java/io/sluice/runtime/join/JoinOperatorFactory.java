package io.sluice.runtime.join;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.state.StateTtl;
import io.sluice.runtime.task.TaskContext;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A regular join of two inputs, as Flink SQL's: every row of each input is kept, by join key, for
 * as long as the query runs (or until its key is idle for the state TTL), and each row that comes
 * is matched against the other input's rows of its key, then the {@link JoinCondition}. Inputs may
 * be changelogs: a -U or -D row takes back the kept row with equal values. The output is a
 * changelog: joined rows are inserted (+I) and deleted (-D); a row of an outer side without
 * partners is emitted padded with NULLs, deleted when its first partner comes and emitted again
 * when its last partner goes. A semi (anti) join emits a left row while it has at least one (no)
 * partner. Both inputs are partitioned by the keys (gathered when there are none), so equal keys
 * meet in one task. A NULL key matches nothing.
 *
 * @param leftChangelog  whether the left input's batches carry the row-kind column (last)
 * @param rightChangelog whether the right input's batches do
 * @param condition      the condition beyond the key equalities, or null
 * @param emitsRowKinds  whether the output carries the row-kind column; when not (an inner or
 *                       semi join of appending inputs), every output row is an insert
 * @param outputSchema   the left columns, the right ones (not for a semi or anti join), then the
 *                       row kind if emitted
 */
public record JoinOperatorFactory(JoinKind kind, Schema leftSchema, Schema rightSchema, int[] leftKeys,
                                  int[] rightKeys, boolean leftChangelog, boolean rightChangelog,
                                  JoinCondition condition, boolean emitsRowKinds, Schema outputSchema,
                                  StateTtl stateTtl) implements OperatorFactory {
    public JoinOperatorFactory {
        requireNonNull(kind, "kind is null");
        requireNonNull(leftSchema, "leftSchema is null");
        requireNonNull(rightSchema, "rightSchema is null");
        requireNonNull(outputSchema, "outputSchema is null");
        requireNonNull(stateTtl, "stateTtl is null");
        leftKeys = leftKeys.clone();
        rightKeys = rightKeys.clone();
        KeyColumns.requireSameTypes(leftSchema, rightSchema, leftKeys, rightKeys);
        if (!emitsRowKinds && (!(kind == JoinKind.INNER || kind == JoinKind.SEMI) || leftChangelog || rightChangelog)) {
            throw new IllegalArgumentException("only an inner or semi join of appending inputs appends only");
        }
    }

    /** Whether batches of input {@code input} (0 left, 1 right) carry the row kind. */
    boolean carriesRowKinds(int input) {
        return input == 0 ? leftChangelog : rightChangelog;
    }

    Schema schema(int input) {
        return input == 0 ? leftSchema : rightSchema;
    }

    int[] keys(int input) {
        return input == 0 ? leftKeys : rightKeys;
    }

    @Override
    public String name() {
        return "Join";
    }

    @Override
    public Operator create(TaskContext context, Output output) {
        return new JoinOperator(this, context, output);
    }
}
