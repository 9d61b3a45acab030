package io.sluice.planner.physical;

import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.runtime.window.WindowAssignOperatorFactory;
import io.sluice.runtime.window.WindowSpec;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A window table function that is not aggregated: each row with the bounds of each window that
 * holds it (a HOP row once per window), chained after its input.
 */
public final class SluiceWindowTableFunction extends SingleRel implements SluiceRel {
    private final WindowSpec window;
    private final int timeColumn;

    public SluiceWindowTableFunction(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelDataType rowType,
                                     WindowSpec window, int timeColumn) {
        super(cluster, traits, input);
        Changelog.of(input).requireInsertOnly("a window table function");
        this.rowType = rowType;
        this.window = window;
        this.timeColumn = timeColumn;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SluiceWindowTableFunction(getCluster(), traitSet, sole(inputs), rowType, window, timeColumn);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("window", window).item("time", "$" + timeColumn);
    }

    /** The input column the windows are assigned by. */
    public int timeColumn() {
        return timeColumn;
    }

    @Override
    public Changelog changelog() {
        return Changelog.INSERT_ONLY;
    }

    @Override
    public JobBuilder.Stream implement(JobBuilder builder) {
        return ((SluiceRel) getInput()).implement(builder)
                .add(new WindowAssignOperatorFactory(window, timeColumn, ArrowTypeMapping.toSchema(getRowType())));
    }
}
