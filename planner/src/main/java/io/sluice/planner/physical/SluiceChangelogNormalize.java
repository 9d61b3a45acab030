package io.sluice.planner.physical;

import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.changelog.normalize.ChangelogNormalizeOperatorFactory;
import java.util.List;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Makes an upsert source's changelog a retract changelog, which the rest of a plan takes: it keeps
 * each key's last row, so that an upsert of a known key becomes its old row ({@code -U}) and its new
 * ({@code +U}), an upsert of a new key an insert, and a delete the delete of the kept row (see
 * {@link ChangelogNormalizeOperatorFactory}). Its input is hash-partitioned by the key.
 */
public final class SluiceChangelogNormalize extends SingleRel implements SluiceRel {
    private final int[] keyColumns;
    private final Changelog changelog;

    /** Over a scan of an upsert source, keyed by the table's primary key. */
    public SluiceChangelogNormalize(RelTraitSet traits, SluiceTableScan input) {
        this(traits, (RelNode) input, input.changelog().upsertKey(), "the upsert table '" + input.table().name() + "'");
    }

    private SluiceChangelogNormalize(RelTraitSet traits, RelNode input, ImmutableBitSet key, String origin) {
        super(input.getCluster(), traits, input);
        if (key.isEmpty()) {
            throw new IllegalArgumentException("an upsert source is normalised by its primary key");
        }
        this.keyColumns = key.toArray();
        this.changelog = Changelog.retract(key, origin);
    }

    @Override
    public Changelog changelog() {
        return changelog;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SluiceChangelogNormalize(traitSet, sole(inputs), changelog.upsertKey(), changelog.origin());
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("key", changelog.upsertKey());
    }

    @Override
    public JobBuilder.Stream implement(JobBuilder builder) {
        JobBuilder.Stream input = ((SluiceRel) getInput()).implement(builder);
        JobBuilder.Stream keyed = builder.partitionByKeys(input, keyColumns);
        return keyed.add(new ChangelogNormalizeOperatorFactory(keyColumns,
                RowKinds.withRowKind(ArrowTypeMapping.toSchema(getRowType())), builder.stateTtl()));
    }
}
