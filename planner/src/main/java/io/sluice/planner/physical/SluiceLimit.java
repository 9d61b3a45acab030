package io.sluice.planner.physical;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import io.sluice.runtime.operator.limit.LimitOperatorFactory;

/**
 * {@code LIMIT n}: the first n rows, gathered from all tasks; then its output ends, and if its
 * rows are the query's result ({@link #endsQuery()}), the query ends.
 */
public final class SluiceLimit extends SingleRel implements SluiceRel {
    private final long limit;
    private final boolean endsQuery;

    public SluiceLimit(RelOptCluster cluster, RelTraitSet traits, RelNode input, long limit, boolean endsQuery) {
        super(cluster, traits, input);
        this.limit = limit;
        this.endsQuery = endsQuery;
        Changelog.of(input).requireInsertOnly("LIMIT without ORDER BY");
    }

    @Override
    public Changelog changelog() {
        return Changelog.INSERT_ONLY;
    }

    public long limit() {
        return limit;
    }

    /** Whether only filters and projections lie above it: reaching it ends the query. */
    public boolean endsQuery() {
        return endsQuery;
    }

    public SluiceLimit endingQuery() {
        return new SluiceLimit(getCluster(), getTraitSet(), getInput(), limit, true);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SluiceLimit(getCluster(), traitSet, sole(inputs), limit, endsQuery);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("limit", limit);
    }

    @Override
    public JobBuilder.Stream implement(JobBuilder builder) {
        JobBuilder.Stream input = ((SluiceRel) getInput()).implement(builder);
        return builder.gather(input).add(new LimitOperatorFactory(limit, endsQuery));
    }
}
