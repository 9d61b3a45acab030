package io.sluice.planner.physical;

import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.runtime.sort.SortField;
import io.sluice.runtime.sort.TimeSortOperatorFactory;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;

/**
 * {@code ORDER BY} a time attribute (ascending, then any other columns) over a stream: every row
 * gathered to one task, held until the watermark passes its time, then emitted in order.
 */
public final class SluiceTimeSort extends SingleRel implements SluiceRel {
    private final List<SortField> order;

    public SluiceTimeSort(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<SortField> order) {
        super(cluster, traits, input);
        this.order = List.copyOf(order);
        Changelog.of(input).requireInsertOnly("ORDER BY over a stream");
    }

    @Override
    public Changelog changelog() {
        return Changelog.INSERT_ONLY;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SluiceTimeSort(getCluster(), traitSet, sole(inputs), order);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("order", SortFields.describe(order));
    }

    @Override
    public JobBuilder.Stream implement(JobBuilder builder) {
        JobBuilder.Stream input = ((SluiceRel) getInput()).implement(builder);
        return builder.gather(input).add(new TimeSortOperatorFactory(ArrowTypeMapping.toSchema(getInput().getRowType()),
                order.get(0).column(), order));
    }
}
