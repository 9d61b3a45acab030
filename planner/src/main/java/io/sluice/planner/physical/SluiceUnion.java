package io.sluice.planner.physical;

import io.sluice.runtime.exchange.KeyHashPartitioner;
import io.sluice.runtime.exchange.Partitioning;
import io.sluice.runtime.union.InsertRowKindOperatorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Union;

/**
 * {@code UNION ALL}: the rows of every input, through one exchange that all the inputs'
 * pipelines write to. The rows are spread by the hash of all their columns, so that a row and
 * its later retraction meet in the same task. When any input updates, the union is a changelog,
 * and the append-only inputs' rows get the row kind {@code +I}.
 */
public final class SluiceUnion extends Union implements SluiceRel {
    private final Changelog changelog;

    public SluiceUnion(RelOptCluster cluster, RelTraitSet traits, List<RelNode> inputs) {
        super(cluster, traits, List.of(), inputs, true);
        this.changelog = inputs.stream().map(Changelog::of).filter(c -> !c.isInsertOnly()).findFirst()
                .map(c -> Changelog.retract(org.apache.calcite.util.ImmutableBitSet.of(), c.origin()))
                .orElse(Changelog.INSERT_ONLY);
    }

    @Override
    public Changelog changelog() {
        return changelog;
    }

    @Override
    public SetOp copy(RelTraitSet traitSet, List<RelNode> inputs, boolean all) {
        return new SluiceUnion(getCluster(), traitSet, inputs);
    }

    @Override
    public JobBuilder.Stream implement(JobBuilder builder) {
        List<JobBuilder.Stream> streams = new ArrayList<>();
        for (RelNode input : getInputs()) {
            JobBuilder.Stream stream = ((SluiceRel) input).implement(builder);
            if (changelog.carriesRowKinds() && !Changelog.of(input).carriesRowKinds()) {
                stream.add(new InsertRowKindOperatorFactory());
            }
            streams.add(stream);
        }
        int[] columns = IntStream.range(0, getRowType().getFieldCount()).toArray();
        return builder.union(streams, new Partitioning.Hash(new KeyHashPartitioner(columns)), builder.parallelism());
    }
}
