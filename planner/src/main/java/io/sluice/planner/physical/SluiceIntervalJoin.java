package io.sluice.planner.physical;

import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.runtime.join.IntervalJoinOperatorFactory;
import io.sluice.runtime.join.JoinKind;
import io.sluice.runtime.join.TimeBounds;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.BiRel;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;

/**
 * An interval join: two appending streams joined on key equalities and a bounded distance of their
 * time attributes ({@link IntervalJoinBounds}), so each row is kept only until the watermark passes
 * its bound. Inner and outer; the output appends. Both inputs are hash-partitioned by the keys into
 * one exchange (gathered into one task when there are none).
 */
public final class SluiceIntervalJoin extends BiRel implements SluiceRel {
    private final JoinKind kind;
    private final int[] leftKeys;
    private final int[] rightKeys;
    private final TimeBounds bounds;
    private final RexNode condition;

    /** @param condition what the pairs must meet beyond the keys and bounds, over both inputs' columns; or null */
    public SluiceIntervalJoin(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right,
                              RelDataType rowType, JoinKind kind, int[] leftKeys, int[] rightKeys, TimeBounds bounds,
                              RexNode condition) {
        super(cluster, traits, left, right);
        Changelog.of(left).requireInsertOnly("an interval join");
        Changelog.of(right).requireInsertOnly("an interval join");
        this.rowType = rowType;
        this.kind = kind;
        this.leftKeys = leftKeys.clone();
        this.rightKeys = rightKeys.clone();
        this.bounds = bounds;
        this.condition = condition;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SluiceIntervalJoin(getCluster(), traitSet, inputs.get(0), inputs.get(1), rowType, kind, leftKeys,
                rightKeys, bounds, condition);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        int leftWidth = getLeft().getRowType().getFieldCount();
        return super.explainTerms(pw).item("kind", kind).item("leftKeys", Arrays.toString(leftKeys))
                .item("rightKeys", Arrays.toString(rightKeys))
                .item("bounds", time(bounds.leftColumn(), bounds.leftOffset()) + " - "
                        + time(leftWidth + bounds.rightColumn(), bounds.rightOffset()) + " in ["
                        + bounds.lower() + " ms, " + bounds.upper() + " ms]")
                .itemIf("condition", condition, condition != null);
    }

    private static String time(int column, long offset) {
        return offset == 0 ? "$" + column : "($" + column + (offset > 0 ? " - " : " + ") + Math.abs(offset) + " ms)";
    }

    @Override
    public Changelog changelog() {
        return Changelog.INSERT_ONLY;
    }

    @Override
    public JobBuilder.Stream implement(JobBuilder builder) {
        JobBuilder.Stream left = ((SluiceRel) getLeft()).implement(builder);
        JobBuilder.Stream right = ((SluiceRel) getRight()).implement(builder);
        JobBuilder.Stream joined = builder.joinByKeys(left, leftKeys, right, rightKeys);
        return joined.add(new IntervalJoinOperatorFactory(kind, ArrowTypeMapping.toSchema(getLeft().getRowType()),
                ArrowTypeMapping.toSchema(getRight().getRowType()), leftKeys, rightKeys, bounds,
                JoinConditions.compile(this, condition, builder), ArrowTypeMapping.toSchema(getRowType())));
    }
}
