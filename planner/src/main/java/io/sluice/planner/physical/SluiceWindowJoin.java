package io.sluice.planner.physical;

import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.runtime.exchange.KeyHashPartitioner;
import io.sluice.runtime.exchange.Partitioning;
import io.sluice.runtime.join.JoinKind;
import io.sluice.runtime.join.WindowJoinOperatorFactory;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.BiRel;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.type.RelDataType;

/**
 * An equi-join within windows (both inputs windowed alike, joined on their window bounds and
 * keys), or, over bounded inputs, within one window over everything. Both inputs are
 * hash-partitioned by the keys into one exchange, read by the join's tasks.
 */
public final class SluiceWindowJoin extends BiRel implements SluiceRel {
    private final JoinKind kind;
    private final int[] leftKeys;
    private final int[] rightKeys;
    private final int leftWindowEnd;
    private final int rightWindowEnd;

    public SluiceWindowJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right, RelDataType rowType,
                            JoinKind kind, int[] leftKeys, int[] rightKeys, int leftWindowEnd, int rightWindowEnd) {
        super(cluster, traits, left, right);
        Changelog.of(left).requireInsertOnly("a window join");
        Changelog.of(right).requireInsertOnly("a window join");
        this.rowType = rowType;
        this.kind = kind;
        this.leftKeys = leftKeys.clone();
        this.rightKeys = rightKeys.clone();
        this.leftWindowEnd = leftWindowEnd;
        this.rightWindowEnd = rightWindowEnd;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SluiceWindowJoin(getCluster(), traitSet, inputs.get(0), inputs.get(1), rowType, kind, leftKeys,
                rightKeys, leftWindowEnd, rightWindowEnd);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("kind", kind).item("leftKeys", Arrays.toString(leftKeys))
                .item("rightKeys", Arrays.toString(rightKeys))
                .item("window", leftWindowEnd < 0 ? "whole input" : "end $" + leftWindowEnd + " = $" + rightWindowEnd);
    }

    @Override
    public Changelog changelog() {
        return Changelog.INSERT_ONLY;
    }

    @Override
    public JobBuilder.Stream implement(JobBuilder builder) {
        JobBuilder.Stream left = ((SluiceRel) getLeft()).implement(builder);
        JobBuilder.Stream right = ((SluiceRel) getRight()).implement(builder);
        JobBuilder.Stream joined = builder.join(left, new Partitioning.Hash(new KeyHashPartitioner(leftKeys)),
                right, new Partitioning.Hash(new KeyHashPartitioner(rightKeys)), builder.parallelism());
        return joined.add(new WindowJoinOperatorFactory(kind, ArrowTypeMapping.toSchema(getLeft().getRowType()),
                ArrowTypeMapping.toSchema(getRight().getRowType()), leftKeys, rightKeys, leftWindowEnd, rightWindowEnd,
                ArrowTypeMapping.toSchema(getRowType())));
    }
}
