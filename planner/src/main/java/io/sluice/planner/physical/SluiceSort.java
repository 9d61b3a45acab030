package io.sluice.planner.physical;

import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.runtime.sort.SortField;
import io.sluice.runtime.sort.SortOperatorFactory;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;

/**
 * {@code ORDER BY}, {@code OFFSET} and {@code LIMIT} over a bounded input: every row gathered to
 * one task and buffered, then emitted in order when the input ends. Over an updating input the
 * rows sorted are those its changelog leaves, so the output only appends.
 */
public final class SluiceSort extends SingleRel implements SluiceRel {
    private final List<SortField> order;
    private final long offset;
    private final long fetch;

    /** @param fetch how many rows at most, -1 for all */
    public SluiceSort(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<SortField> order, long offset,
                      long fetch) {
        super(cluster, traits, input);
        this.order = List.copyOf(order);
        this.offset = offset;
        this.fetch = fetch;
    }

    @Override
    public Changelog changelog() {
        return Changelog.INSERT_ONLY;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SluiceSort(getCluster(), traitSet, sole(inputs), order, offset, fetch);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("order", SortFields.describe(order))
                .item("offset", offset).item("fetch", fetch);
    }

    @Override
    public JobBuilder.Stream implement(JobBuilder builder) {
        JobBuilder.Stream input = ((SluiceRel) getInput()).implement(builder);
        return builder.gather(input).add(new SortOperatorFactory(ArrowTypeMapping.toSchema(getInput().getRowType()),
                Changelog.of(getInput()).carriesRowKinds(), order, offset, fetch));
    }
}
