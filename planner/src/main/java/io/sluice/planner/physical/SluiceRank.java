package io.sluice.planner.physical;

import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.rank.RankFunction;
import io.sluice.runtime.rank.RankOperatorFactory;
import io.sluice.runtime.rank.WindowRankOperatorFactory;
import io.sluice.runtime.sort.SortField;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A Top-N: per partition, the rows ranked {@code [low, high]} in an order, as a changelog that
 * follows the ranking as rows come and go; with {@code high = 1} and ROW_NUMBER, a deduplication.
 * The rows are hash-partitioned by the partition keys (gathered to one task without keys). When
 * the partition keys include the window end of appending windowed rows, it is a window Top-N:
 * each window's ranking is emitted once, when the window fires, and the output appends.
 * Its row type is the input's, then the rank (BIGINT) when {@code outputRank}.
 */
public final class SluiceRank extends SingleRel implements SluiceRel {
    private final RankFunction function;
    private final int[] partitionKeys;
    private final List<SortField> order;
    private final long low;
    private final long high;
    private final boolean outputRank;
    private final int windowEnd;
    private final Changelog changelog;

    /** @param windowEnd the partition key that is the rows' window end, for a window Top-N; -1 for none */
    public SluiceRank(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelDataType rowType,
                      RankFunction function, int[] partitionKeys, List<SortField> order, long low, long high,
                      boolean outputRank, int windowEnd) {
        super(cluster, traits, input);
        this.rowType = rowType;
        this.function = function;
        this.partitionKeys = partitionKeys.clone();
        this.order = List.copyOf(order);
        this.low = low;
        this.high = high;
        this.outputRank = outputRank;
        this.windowEnd = windowEnd;
        if (windowEnd >= 0) {
            Changelog.of(input).requireInsertOnly("a window Top-N");
        }
        this.changelog = windowEnd >= 0 ? Changelog.INSERT_ONLY
                : Changelog.retract(upsertKey(Changelog.of(input)), "the Top-N");
    }

    /**
     * With ROW_NUMBER, a partition's key and the number identify an output row, and the key alone
     * does when a partition keeps one row; ranks with ties identify none, so the input's key
     * does, as rows pass unchanged.
     */
    private ImmutableBitSet upsertKey(Changelog input) {
        ImmutableBitSet partition = ImmutableBitSet.of(partitionKeys);
        if (function == RankFunction.ROW_NUMBER && outputRank) {
            return partition.union(ImmutableBitSet.of(getInput().getRowType().getFieldCount()));
        }
        return function == RankFunction.ROW_NUMBER && high == 1 ? partition : input.upsertKey();
    }

    /**
     * Whether this is Flink's deduplication keeping the last row: the first row number of a
     * descending time attribute, where of rows of equal time the one that came last is kept.
     */
    private boolean keepsLastOfTime() {
        return function == RankFunction.ROW_NUMBER && high == 1 && order.size() == 1 && order.get(0).descending()
                && TimeAttributes.of(getInput(), order.get(0).column()) != null;
    }

    @Override
    public Changelog changelog() {
        return changelog;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SluiceRank(getCluster(), traitSet, sole(inputs), rowType, function, partitionKeys, order, low, high,
                outputRank, windowEnd);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("function", function).item("partition", Arrays.toString(partitionKeys))
                .item("order", SortFields.describe(order))
                .item("ranks", low + ".." + high).item("outputRank", outputRank)
                .itemIf("window", "end $" + windowEnd, windowEnd >= 0);
    }

    @Override
    public JobBuilder.Stream implement(JobBuilder builder) {
        JobBuilder.Stream input = ((SluiceRel) getInput()).implement(builder);
        JobBuilder.Stream partitioned = builder.partitionByKeys(input, partitionKeys);
        if (windowEnd >= 0) {
            return partitioned.add(new WindowRankOperatorFactory(ArrowTypeMapping.toSchema(getInput().getRowType()),
                    partitionKeys, windowEnd, order, keepsLastOfTime(), function, low, high, outputRank,
                    ArrowTypeMapping.toSchema(getRowType())));
        }
        return partitioned.add(new RankOperatorFactory(ArrowTypeMapping.toSchema(getInput().getRowType()),
                Changelog.of(getInput()).carriesRowKinds(), partitionKeys, order, keepsLastOfTime(), function, low, high,
                outputRank, RowKinds.withRowKind(ArrowTypeMapping.toSchema(getRowType())), builder.stateTtl()));
    }
}
