package io.sluice.planner.physical;

import io.sluice.planner.codegen.AggregateKernelGenerator;
import io.sluice.planner.codegen.GeneratedKernel;
import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.runtime.aggregate.GroupAggregateOperatorFactory;
import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.codegen.AggregateKernel;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
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
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A {@code GROUP BY} without a window over a stream or an updating input: its result updates as
 * rows come and go, a retract changelog keyed by the grouping columns (which lead the output). The
 * input is partitioned by the keys (gathered to one task without keys); each task keeps its
 * groups' accumulators, retractable when the input is a changelog. Over a
 * {@link SluiceLocalGroupAggregate} it is the global step of a two-phase aggregation, merging the
 * partial results by key, or, when the session's strategy and the parallelism leave the local
 * step out, the whole aggregation over the local node's input.
 */
public final class SluiceGroupAggregate extends SingleRel implements SluiceRel {
    private final int[] keyColumns;
    private final List<AggregateCall> calls;
    private final Map<Integer, RexLiteral> constants;
    private final boolean changelogInput;
    private final ReadMode mode;
    private final Changelog changelog;
    private final boolean upsert;
    /** Whether the input is the local step of a two-phase aggregation, whose partial results this merges. */
    private final boolean global;

    /**
     * @param keyColumns the input columns the groups are keyed by, in output order
     * @param calls      the aggregate calls over input columns
     * @param constants  input columns that hold a literal (LISTAGG separators)
     * @param mode       how the query reads: for SNAPSHOT, an aggregation without keys over no rows
     *                   gives SQL's one row at the end
     */
    public SluiceGroupAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelDataType rowType,
                                int[] keyColumns, List<AggregateCall> calls, Map<Integer, RexLiteral> constants,
                                ReadMode mode) {
        this(cluster, traits, input, rowType, keyColumns, calls, constants, mode, false, false);
    }

    /**
     * The global step over the local step of a two-phase aggregation: keyed by the partial rows'
     * leading key columns, merging their partial results with the split's global calls.
     */
    static SluiceGroupAggregate global(RelTraitSet traits, SluiceLocalGroupAggregate local, RelDataType rowType,
                                       ReadMode mode) {
        int[] keys = new int[local.keyColumns().length];
        Arrays.setAll(keys, i -> i);
        return new SluiceGroupAggregate(local.getCluster(), traits, local, rowType, keys, local.split().globalCalls(),
                Map.of(), mode, false, true);
    }

    /** @param upsert whether the result is written by its keys, so each update leaves out its old value */
    private SluiceGroupAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelDataType rowType,
                                 int[] keyColumns, List<AggregateCall> calls, Map<Integer, RexLiteral> constants,
                                 ReadMode mode, boolean upsert, boolean global) {
        super(cluster, traits, input);
        Changelog inputChangelog = Changelog.of(input);
        if (inputChangelog.mode() == ChangelogMode.UPSERT) {
            throw new SluiceException(ErrorCode.UNSUPPORTED, "the GROUP BY aggregation needs the old value of each "
                    + "update, which its input (" + inputChangelog.origin() + ") does not carry");
        }
        this.rowType = rowType;
        this.keyColumns = keyColumns.clone();
        this.calls = List.copyOf(calls);
        this.constants = Map.copyOf(constants);
        this.changelogInput = inputChangelog.carriesRowKinds();
        this.mode = mode;
        this.upsert = upsert;
        this.global = global;
        Changelog retract = Changelog.retract(ImmutableBitSet.range(keyColumns.length), "the GROUP BY aggregation");
        this.changelog = upsert ? new Changelog(ChangelogMode.UPSERT, retract.upsertKey(), retract.origin()) : retract;
    }

    @Override
    public SluiceRel inUpsertMode(ImmutableBitSet key) {
        return upsert || keyColumns.length == 0 || !key.equals(changelog.upsertKey()) ? this
                : new SluiceGroupAggregate(getCluster(), getTraitSet(), getInput(), rowType, keyColumns, calls, constants,
                        mode, true, global);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SluiceGroupAggregate(getCluster(), traitSet, sole(inputs), rowType, keyColumns, calls, constants,
                mode, upsert, global);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        List<String> groups = new ArrayList<>();
        for (int key : keyColumns) {
            groups.add("$" + key);
        }
        return super.explainTerms(pw).item("group", groups).item("aggs", calls)
                .itemIf("retract", true, changelogInput).itemIf("upsert", true, upsert).itemIf("phase", "global", global);
    }

    @Override
    public Changelog changelog() {
        return changelog;
    }

    @Override
    public JobBuilder.Stream implement(JobBuilder builder) {
        if (!global) {
            return aggregate(builder, ((SluiceRel) getInput()).implement(builder), keyColumns, kernel(),
                    getInput().getRowType());
        }
        SluiceLocalGroupAggregate local = (SluiceLocalGroupAggregate) getInput();
        JobBuilder.Stream rows = ((SluiceRel) local.getInput()).implement(builder);
        if (builder.aggPhaseStrategy().twoPhase(builder.exchanges(rows, local.keyColumns()))) {
            return aggregate(builder, local.addTo(rows, builder), keyColumns, kernel(), local.getRowType());
        }
        RelDataType inputType = local.getInput().getRowType();
        return aggregate(builder, rows, local.keyColumns(),
                kernel(local.calls(), local.keyColumns().length, inputType, local.constants()), inputType);
    }

    /** Partitions the rows by the keys and adds the aggregation's operator over them. */
    private JobBuilder.Stream aggregate(JobBuilder builder, JobBuilder.Stream rows, int[] keys, GeneratedKernel kernel,
                                        RelDataType inputType) {
        JobBuilder.Stream keyed = builder.partitionByKeys(rows, keys);
        Class<? extends AggregateKernel> kernelClass = builder.compiler().compile(kernel.className(), kernel.source(),
                AggregateKernel.class);
        org.apache.arrow.vector.types.pojo.Schema inputSchema = ArrowTypeMapping.toSchema(inputType);
        return keyed.add(new GroupAggregateOperatorFactory(keys, kernelClass, kernel.references(), changelogInput,
                changelogInput ? RowKinds.withRowKind(inputSchema) : inputSchema,
                RowKinds.withRowKind(ArrowTypeMapping.toSchema(getRowType())), builder.stateTtl(),
                mode == ReadMode.SNAPSHOT, !upsert));
    }

    /**
     * The generated accumulators: retractable ones reading the row kind when the input is a
     * changelog, or when a DISTINCT aggregate other than COUNT needs them (only they keep the
     * values it has seen with their counts); the cheaper append-only ones otherwise. For the global
     * step, those merging the partial results.
     */
    public GeneratedKernel kernel() {
        return kernel(calls, keyColumns.length, getInput().getRowType(), constants);
    }

    private GeneratedKernel kernel(List<AggregateCall> calls, int keyCount, RelDataType inputType,
                                   Map<Integer, RexLiteral> constants) {
        List<RelDataType> resultTypes = new ArrayList<>();
        List<RelDataTypeField> fields = getRowType().getFieldList();
        for (int i = 0; i < calls.size(); i++) {
            resultTypes.add(fields.get(keyCount + i).getType());
        }
        return new AggregateKernelGenerator().generate(calls, resultTypes, inputType, keyCount, constants::get,
                changelogInput || hasDistinctOnlyItComputes(calls), changelogInput);
    }

    /**
     * Whether a call is a DISTINCT aggregate other than COUNT (and MIN and MAX, which DISTINCT does
     * not change): only the retractable accumulators, and so only this node, compute it.
     */
    static boolean hasDistinctOnlyItComputes(List<AggregateCall> calls) {
        return calls.stream().anyMatch(call -> call.isDistinct()
                && !List.of("COUNT", "MIN", "MAX").contains(call.getAggregation().getName()));
    }

    @Override
    public String toString() {
        return "SluiceGroupAggregate(keys=" + Arrays.toString(keyColumns) + ")";
    }
}
