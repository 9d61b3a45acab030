package io.sluice.runtime.rank;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.sort.SortField;
import io.sluice.runtime.task.TaskContext;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A window Top-N (Flink's window Top-N, and with {@code ROW_NUMBER} and {@code high = 1} its
 * window deduplication): the input's rows carry their window's end, and the partitions include it;
 * per partition, the rows ranked within {@code [low, high]} are emitted once, when the watermark
 * passes the window's end, and then dropped. The output only appends. A row whose window has
 * fired is late: dropped and counted. Runs after its input is hash-partitioned by the partition
 * keys.
 *
 * @param rowSchema     the input's columns
 * @param partitionKeys the input columns that partition the rows, the window end among them
 * @param windowEnd     the input column holding the row's window end
 * @param newestTiesFirst true if, of rows that sort alike, the one that came last ranks first
 * @param outputRank    true if each output row carries its rank (a BIGINT after the input's columns)
 * @param outputSchema  the input's columns, then the rank if output
 */
public record WindowRankOperatorFactory(Schema rowSchema, int[] partitionKeys, int windowEnd, List<SortField> order,
                                        boolean newestTiesFirst, RankFunction function, long low, long high, boolean outputRank,
                                        Schema outputSchema) implements OperatorFactory {
    public WindowRankOperatorFactory {
        requireNonNull(rowSchema, "rowSchema is null");
        partitionKeys = partitionKeys.clone();
        order = List.copyOf(order);
        requireNonNull(function, "function is null");
        requireNonNull(outputSchema, "outputSchema is null");
        if (low < 1 || high < low) {
            throw new IllegalArgumentException("ranks must be 1 <= low <= high: " + low + ", " + high);
        }
    }

    @Override
    public String name() {
        return "WindowRank";
    }

    @Override
    public Operator create(TaskContext context, Output output) {
        return new WindowRankOperator(this, context, output);
    }
}
