package io.sluice.planner.physical;

import io.sluice.planner.codegen.AggregateKernelGenerator;
import io.sluice.planner.codegen.GeneratedKernel;
import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.runtime.aggregate.LocalGroupAggregateOperatorFactory;
import io.sluice.runtime.codegen.AggregateKernel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexLiteral;

/**
 * The local step of a two-phase {@code GROUP BY} (see {@link TwoPhaseAggregation}): in the tasks
 * that read the appended rows, each batch becomes one row of partial results per key, which the
 * global {@link SluiceGroupAggregate} above merges. It also keeps the aggregation as written, which
 * the global node runs in one phase over this node's input when the session's
 * {@code 'table.optimizer.agg-phase-strategy'} or the parallelism says the local step does not pay.
 */
public final class SluiceLocalGroupAggregate extends SingleRel implements SluiceRel {
    private final int[] keyColumns;
    private final List<AggregateCall> calls;
    private final Map<Integer, RexLiteral> constants;
    private final TwoPhaseAggregation split;

    /**
     * @param keyColumns the input columns the groups are keyed by, in output order
     * @param calls      the aggregation's calls as written, over input columns
     * @param constants  input columns that hold a literal
     * @param split      the local and global calls
     */
    SluiceLocalGroupAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, int[] keyColumns,
                              List<AggregateCall> calls, Map<Integer, RexLiteral> constants, TwoPhaseAggregation split) {
        super(cluster, traits, input);
        Changelog.of(input).requireInsertOnly("the local step of an aggregation");
        this.rowType = split.partialRowType();
        this.keyColumns = keyColumns.clone();
        this.calls = List.copyOf(calls);
        this.constants = Map.copyOf(constants);
        this.split = split;
    }

    int[] keyColumns() {
        return keyColumns.clone();
    }

    /** The aggregation's calls as written, for running it in one phase. */
    List<AggregateCall> calls() {
        return calls;
    }

    Map<Integer, RexLiteral> constants() {
        return constants;
    }

    TwoPhaseAggregation split() {
        return split;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SluiceLocalGroupAggregate(getCluster(), traitSet, sole(inputs), keyColumns, calls, constants, split);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        List<String> groups = new ArrayList<>();
        for (int key : keyColumns) {
            groups.add("$" + key);
        }
        return super.explainTerms(pw).item("group", groups).item("partials", split.localCalls());
    }

    @Override
    public Changelog changelog() {
        return Changelog.INSERT_ONLY;
    }

    @Override
    public JobBuilder.Stream implement(JobBuilder builder) {
        return addTo(((SluiceRel) getInput()).implement(builder), builder);
    }

    /** Adds the local step to the stream of this node's input rows. */
    JobBuilder.Stream addTo(JobBuilder.Stream rows, JobBuilder builder) {
        GeneratedKernel kernel = kernel();
        Class<? extends AggregateKernel> kernelClass = builder.compiler().compile(kernel.className(), kernel.source(),
                AggregateKernel.class);
        return rows.add(new LocalGroupAggregateOperatorFactory(keyColumns, kernelClass, kernel.references(),
                ArrowTypeMapping.toSchema(getInput().getRowType()), ArrowTypeMapping.toSchema(rowType)));
    }

    /** The append-only accumulators of the partial results. */
    public GeneratedKernel kernel() {
        List<RelDataType> resultTypes = new ArrayList<>();
        List<RelDataTypeField> fields = rowType.getFieldList();
        for (int i = keyColumns.length; i < fields.size(); i++) {
            resultTypes.add(fields.get(i).getType());
        }
        return new AggregateKernelGenerator().generate(split.localCalls(), resultTypes, getInput().getRowType(),
                keyColumns.length, constants::get, false, false);
    }

    @Override
    public String toString() {
        return "SluiceLocalGroupAggregate(keys=" + Arrays.toString(keyColumns) + ")";
    }
}
