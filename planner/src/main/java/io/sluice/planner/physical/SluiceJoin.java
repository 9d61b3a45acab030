package io.sluice.planner.physical;

import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.join.JoinKind;
import io.sluice.runtime.join.JoinOperatorFactory;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.BiRel;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A regular join: each input's rows are kept by key for the query's life (or the state TTL) and
 * every row meets the other input's rows of its key as it comes, so the output updates as either
 * input does. Both inputs are hash-partitioned by the keys into one exchange (gathered into one
 * task when there are none).
 */
public final class SluiceJoin extends BiRel implements SluiceRel {
    private final JoinKind kind;
    private final int[] leftKeys;
    private final int[] rightKeys;
    private final RexNode condition;
    private final Changelog changelog;

    /**
     * @param condition what the pairs must meet beyond the key equalities, over the left input's
     *                  columns then the right's; null for nothing
     */
    public SluiceJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right, RelDataType rowType,
                      JoinKind kind, int[] leftKeys, int[] rightKeys, RexNode condition) {
        super(cluster, traits, left, right);
        this.rowType = rowType;
        this.kind = kind;
        this.leftKeys = leftKeys.clone();
        this.rightKeys = rightKeys.clone();
        this.condition = condition;
        this.changelog = changelog(kind, Changelog.of(left), Changelog.of(right), left.getRowType().getFieldCount());
    }

    /**
     * Appending inputs make an appending inner or semi join (pairs and first matches only come);
     * anything else updates. The output's rows are identified by the inputs' keys together when
     * both have one and no side is padded with NULLs.
     */
    private static Changelog changelog(JoinKind kind, Changelog left, Changelog right, int leftWidth) {
        boolean appending = left.isInsertOnly() && right.isInsertOnly();
        if (appending && (kind == JoinKind.INNER || kind == JoinKind.SEMI)) {
            return Changelog.INSERT_ONLY;
        }
        ImmutableBitSet key = ImmutableBitSet.of();
        if (kind.leftOnly()) {
            key = left.upsertKey();
        } else if (kind == JoinKind.INNER && !left.upsertKey().isEmpty() && !right.upsertKey().isEmpty()) {
            key = left.upsertKey().union(right.upsertKey().shift(leftWidth));
        }
        return Changelog.retract(key, "the join");
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SluiceJoin(getCluster(), traitSet, inputs.get(0), inputs.get(1), rowType, kind, leftKeys, rightKeys,
                condition);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("kind", kind).item("leftKeys", Arrays.toString(leftKeys))
                .item("rightKeys", Arrays.toString(rightKeys)).itemIf("condition", condition, condition != null);
    }

    @Override
    public Changelog changelog() {
        return changelog;
    }

    @Override
    public JobBuilder.Stream implement(JobBuilder builder) {
        JobBuilder.Stream left = ((SluiceRel) getLeft()).implement(builder);
        JobBuilder.Stream right = ((SluiceRel) getRight()).implement(builder);
        JobBuilder.Stream joined = builder.joinByKeys(left, leftKeys, right, rightKeys);
        Schema output = ArrowTypeMapping.toSchema(getRowType());
        return joined.add(new JoinOperatorFactory(kind, ArrowTypeMapping.toSchema(getLeft().getRowType()),
                ArrowTypeMapping.toSchema(getRight().getRowType()), leftKeys, rightKeys,
                Changelog.of(getLeft()).carriesRowKinds(), Changelog.of(getRight()).carriesRowKinds(),
                JoinConditions.compile(this, condition, builder), changelog.carriesRowKinds(),
                changelog.carriesRowKinds() ? RowKinds.withRowKind(output) : output, builder.stateTtl()));
    }

}
