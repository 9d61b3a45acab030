package io.sluice.planner.physical;

import static java.util.Objects.requireNonNull;

import io.sluice.planner.codegen.AggregateKernelGenerator;
import io.sluice.planner.codegen.GeneratedKernel;
import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.runtime.codegen.AggregateKernel;
import io.sluice.runtime.over.LagCall;
import io.sluice.runtime.over.OverAggregateOperatorFactory;
import io.sluice.runtime.over.OverFrame;
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
import org.apache.calcite.rex.RexLiteral;

/**
 * An OVER aggregation ordered by a time attribute: each input row once, with the aggregates of
 * its frame (and its LAG values) after its columns, emitted in time order per partition once the
 * watermark passes it (over event time) or at once (over processing time). The input is
 * partitioned by the partition keys, gathered without them. Appends.
 */
public final class SluiceOverAggregate extends SingleRel implements SluiceRel {
    private final int[] partitionKeys;
    private final int timeColumn;
    private final boolean eventTime;
    private final OverFrame frame;
    private final List<AggregateCall> calls;
    private final Map<Integer, RexLiteral> constants;
    private final List<LagCall> lags;

    /**
     * @param rowType    the input's columns, the aggregates' results, then the LAG values
     * @param calls      the aggregate calls over input columns
     * @param constants  input columns that hold a literal (LISTAGG separators)
     * @param lags       the LAG calls
     */
    public SluiceOverAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelDataType rowType,
                               int[] partitionKeys, int timeColumn, boolean eventTime, OverFrame frame,
                               List<AggregateCall> calls, Map<Integer, RexLiteral> constants, List<LagCall> lags) {
        super(cluster, traits, input);
        Changelog.of(input).requireInsertOnly("an OVER aggregation");
        this.rowType = requireNonNull(rowType, "rowType is null");
        this.partitionKeys = partitionKeys.clone();
        this.timeColumn = timeColumn;
        this.eventTime = eventTime;
        this.frame = requireNonNull(frame, "frame is null");
        this.calls = List.copyOf(calls);
        this.constants = Map.copyOf(constants);
        this.lags = List.copyOf(lags);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SluiceOverAggregate(getCluster(), traitSet, sole(inputs), rowType, partitionKeys, timeColumn,
                eventTime, frame, calls, constants, lags);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        List<String> keys = new ArrayList<>();
        for (int key : partitionKeys) {
            keys.add("$" + key);
        }
        return super.explainTerms(pw).item("partition", keys)
                .item("order", "$" + timeColumn + (eventTime ? " (event time)" : " (processing time)"))
                .item("frame", frame).item("aggs", calls).itemIf("lags", lags, !lags.isEmpty());
    }

    @Override
    public Changelog changelog() {
        return Changelog.INSERT_ONLY;
    }

    @Override
    public JobBuilder.Stream implement(JobBuilder builder) {
        JobBuilder.Stream keyed = builder.partitionByKeys(((SluiceRel) getInput()).implement(builder), partitionKeys);
        GeneratedKernel kernel = kernel();
        Class<? extends AggregateKernel> kernelClass = builder.compiler().compile(kernel.className(), kernel.source(),
                AggregateKernel.class);
        return keyed.add(new OverAggregateOperatorFactory(ArrowTypeMapping.toSchema(getInput().getRowType()),
                partitionKeys, timeColumn, eventTime, frame, kernelClass, kernel.references(), lags,
                ArrowTypeMapping.toSchema(getRowType())));
    }

    /**
     * The accumulators: retractable ones (reading the row kind the operator keeps after each row)
     * for a bounded frame, whose rows leave it, or for a DISTINCT aggregate only they compute; the
     * cheaper append-only ones otherwise.
     */
    public GeneratedKernel kernel() {
        int width = getInput().getRowType().getFieldCount();
        List<RelDataType> resultTypes = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            resultTypes.add(getRowType().getFieldList().get(width + i).getType());
        }
        boolean retractable = frame.bounded() || SluiceGroupAggregate.hasDistinctOnlyItComputes(calls);
        return new AggregateKernelGenerator().generate(calls, resultTypes, getInput().getRowType(), width,
                constants::get, retractable, retractable);
    }

    @Override
    public String toString() {
        return "SluiceOverAggregate(partition=" + Arrays.toString(partitionKeys) + ", " + frame + ")";
    }
}
