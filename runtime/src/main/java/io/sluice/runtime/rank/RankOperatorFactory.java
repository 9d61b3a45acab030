package io.sluice.runtime.rank;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.sort.SortField;
import io.sluice.runtime.state.StateTtl;
import io.sluice.runtime.task.TaskContext;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A Top-N: per partition, the rows whose rank in the sort order is within {@code [low, high]},
 * as a retract changelog. Runs after its input is hash-partitioned by the partition keys (or
 * gathered, without keys).
 *
 * @param rowSchema     the input's columns, without the row-kind column an updating input carries
 * @param updatingInput true if the input is a changelog (its batches carry the row kind last)
 * @param partitionKeys the input columns that partition the rows
 * @param order         the order the rows are ranked in
 * @param newestTiesFirst true if, of rows that sort alike, the one that came last ranks first
 *                      (Flink's deduplication keeping the last row); else the first
 * @param function      how tied rows are numbered
 * @param low           the first rank output, from 1
 * @param high          the last rank output
 * @param outputRank    true if each output row carries its rank (a BIGINT after the input's columns)
 * @param outputSchema  the output's columns: the input's, the rank if output, then the row kind
 * @param stateTtl      how long a partition may stay idle before its rows are dropped
 */
public record RankOperatorFactory(Schema rowSchema, boolean updatingInput, int[] partitionKeys, List<SortField> order,
                                  boolean newestTiesFirst, RankFunction function, long low, long high, boolean outputRank, Schema outputSchema,
                                  StateTtl stateTtl) implements OperatorFactory {
    public RankOperatorFactory {
        requireNonNull(rowSchema, "rowSchema is null");
        partitionKeys = partitionKeys.clone();
        order = List.copyOf(order);
        requireNonNull(function, "function is null");
        requireNonNull(outputSchema, "outputSchema is null");
        requireNonNull(stateTtl, "stateTtl is null");
        if (low < 1 || high < low) {
            throw new IllegalArgumentException("ranks must be 1 <= low <= high: " + low + ", " + high);
        }
    }

    @Override
    public String name() {
        return "Rank";
    }

    @Override
    public Operator create(TaskContext context, Output output) {
        return new RankOperator(this, context, output);
    }
}
