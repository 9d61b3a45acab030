package io.sluice.planner.physical;

import io.sluice.planner.codegen.AggregateKernelGenerator;
import io.sluice.planner.codegen.GeneratedKernel;
import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.runtime.codegen.AggregateKernel;
import io.sluice.runtime.window.GroupOutput;
import io.sluice.runtime.window.WindowAggregateOperatorFactory;
import io.sluice.runtime.window.WindowSpec;
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
 * Aggregation over event-time windows (or, for a bounded GROUP BY, one window over all input):
 * the input is partitioned by the grouping keys (gathered to one task without keys), and each
 * task aggregates its keys with generated accumulators.
 */
public final class SluiceWindowAggregate extends SingleRel implements SluiceRel {
    private final WindowSpec window;
    private final int timeColumn;
    private final int[] keyColumns;
    private final List<GroupOutput> groupOutputs;
    private final List<AggregateCall> calls;
    private final Map<Integer, RexLiteral> constants;

    /**
     * @param timeColumn   the input column with each row's event time (ignored for GLOBAL)
     * @param keyColumns   the input columns the groups are keyed by
     * @param groupOutputs what each leading output column holds
     * @param calls        the aggregate calls over input columns
     * @param constants    input columns that hold a literal (LISTAGG separators)
     */
    public SluiceWindowAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelDataType rowType,
                                 WindowSpec window, int timeColumn, int[] keyColumns, List<GroupOutput> groupOutputs,
                                 List<AggregateCall> calls, Map<Integer, RexLiteral> constants) {
        super(cluster, traits, input);
        Changelog.of(input).requireInsertOnly("a window aggregation");
        this.rowType = rowType;
        this.window = window;
        this.timeColumn = timeColumn;
        this.keyColumns = keyColumns.clone();
        this.groupOutputs = List.copyOf(groupOutputs);
        this.calls = List.copyOf(calls);
        this.constants = Map.copyOf(constants);
    }

    public List<GroupOutput> groupOutputs() {
        return groupOutputs;
    }

    public int[] keyColumns() {
        return keyColumns.clone();
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SluiceWindowAggregate(getCluster(), traitSet, sole(inputs), rowType, window, timeColumn, keyColumns,
                groupOutputs, calls, constants);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        List<String> groups = new ArrayList<>();
        for (GroupOutput output : groupOutputs) {
            groups.add(output.kind() == GroupOutput.Kind.KEY ? "$" + keyColumns[output.keyIndex()]
                    : output.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        super.explainTerms(pw).item("window", window);
        if (window.kind() != io.sluice.runtime.window.WindowKind.GLOBAL) {
            pw.item("time", "$" + timeColumn);
        }
        return pw.item("group", groups).item("aggs", calls);
    }

    @Override
    public Changelog changelog() {
        return Changelog.INSERT_ONLY;
    }

    @Override
    public JobBuilder.Stream implement(JobBuilder builder) {
        JobBuilder.Stream input = ((SluiceRel) getInput()).implement(builder);
        JobBuilder.Stream keyed = builder.partitionByKeys(input, keyColumns);
        GeneratedKernel kernel = kernel();
        Class<? extends AggregateKernel> kernelClass = builder.compiler().compile(kernel.className(), kernel.source(),
                AggregateKernel.class);
        return keyed.add(new WindowAggregateOperatorFactory(window, timeColumn, keyColumns, groupOutputs, kernelClass,
                kernel.references(), ArrowTypeMapping.toSchema(getInput().getRowType()),
                ArrowTypeMapping.toSchema(getRowType())));
    }

    /** The generated accumulators. */
    public GeneratedKernel kernel() {
        List<RelDataType> resultTypes = new ArrayList<>();
        List<RelDataTypeField> fields = getRowType().getFieldList();
        for (int i = 0; i < calls.size(); i++) {
            resultTypes.add(fields.get(groupOutputs.size() + i).getType());
        }
        return new AggregateKernelGenerator().generate(calls, resultTypes, getInput().getRowType(), groupOutputs.size(),
                constants::get, false, false);
    }

    @Override
    public String toString() {
        return "SluiceWindowAggregate(" + window + ", keys=" + Arrays.toString(keyColumns) + ")";
    }
}
