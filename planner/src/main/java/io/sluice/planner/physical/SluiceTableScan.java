package io.sluice.planner.physical;

import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.changelog.RowKinds;
import org.apache.arrow.vector.types.pojo.Schema;

import static java.util.Objects.requireNonNull;

import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.ComputedColumn;
import io.sluice.planner.catalog.Rowtime;
import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.job.PipelineInput;
import io.sluice.runtime.operator.WatermarkStrategy;
import io.sluice.runtime.operator.watermark.WatermarkAssignerOperatorFactory;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Reads a table's source. A filter and projection pushed into the scan run right where rows are
 * read, in the source's own task, before any row is copied or moved.
 */
public final class SluiceTableScan extends TableScan implements SluiceRel {
    private final CatalogTable table;
    private final ReadMode mode;
    private final RexProgram pushed;
    private final Changelog changelog;

    /**
     * @param pushed the filter and projection pushed into the scan, or null
     */
    public SluiceTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable relOptTable, CatalogTable table,
                           ReadMode mode, RexProgram pushed) {
        super(cluster, traits, List.of(), relOptTable);
        this.table = requireNonNull(table, "table is null");
        this.mode = requireNonNull(mode, "mode is null");
        this.pushed = pushed;
        this.changelog = sourceChangelog(table, mode, pushed);
    }

    /**
     * A changelog source's rows are keyed by the table's primary key, as far as the pushed
     * projection keeps its columns.
     */
    private static Changelog sourceChangelog(CatalogTable table, ReadMode readMode, RexProgram pushed) {
        ChangelogMode mode = table.source().changelogMode(readMode);
        if (mode.isInsertOnly()) {
            return Changelog.INSERT_ONLY;
        }
        List<String> names = table.rowType().getFieldNames();
        ImmutableBitSet key = ImmutableBitSet.of(table.primaryKey().stream().mapToInt(names::indexOf).toArray());
        Changelog changelog = new Changelog(mode, key, "the changelog table '" + table.name() + "'");
        return pushed == null ? changelog : changelog.withUpsertKey(SluiceCalc.keyThrough(pushed, key));
    }

    @Override
    public Changelog changelog() {
        return changelog;
    }

    public CatalogTable table() {
        return table;
    }

    public SluiceTableScan withPushed(RexProgram program) {
        return new SluiceTableScan(getCluster(), getTraitSet(), getTable(), table, mode, program);
    }

    public SluiceTableScan withMode(ReadMode newMode) {
        return new SluiceTableScan(getCluster(), getTraitSet(), getTable(), table, newMode, pushed);
    }

    public RexProgram pushed() {
        return pushed;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SluiceTableScan(getCluster(), traitSet, getTable(), table, mode, pushed);
    }

    @Override
    public RelDataType deriveRowType() {
        return pushed == null ? super.deriveRowType() : pushed.getOutputRowType();
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        super.explainTerms(pw).item("mode", mode.name().toLowerCase(java.util.Locale.ROOT));
        if (pushed != null) {
            if (pushed.getCondition() != null) {
                pw.item("filter", pushed.expandLocalRef(pushed.getCondition()));
            }
            if (!pushed.projectsOnlyIdentity()) {
                pw.item("project", pushed.getProjectList().stream().map(pushed::expandLocalRef).toList());
            }
        }
        return pw;
    }

    /**
     * The job's pipeline over the source. Computed columns are computed right after the source,
     * in one program with the pushed filter and projection, over the columns the source stores.
     * When the pushed filter and projection use only some of those columns (the rowtime counts as
     * used) and the source can read fewer columns, it reads just those, and the program runs over
     * them. A computed rowtime has its watermarks derived in the chain, after it is computed and
     * before any filter.
     */
    @Override
    public JobBuilder.Stream implement(JobBuilder builder) {
        int parallelism = Math.max(1, Math.min(builder.parallelism(), table.source().maxParallelism()));
        Source source = table.source();
        RelDataType rowType = table.rowType();
        RexProgram program = pushed;
        Optional<Integer> rowtime = table.rowtime().map(Rowtime::index);
        long delay = table.rowtime().map(Rowtime::delayMillis).orElse(0L);
        boolean computedRowtime = rowtime.isPresent() && table.computed(rowtime.get()).isPresent();
        RexProgram afterWatermarks = null;
        if (!table.computedColumns().isEmpty()) {
            int[] stored = table.storedColumns();
            RexProgram computing = computing(stored);
            rowType = computing.getInputRowType();
            if (computedRowtime) {
                afterWatermarks = pushed;
                program = computing;
            } else {
                program = pushed == null ? computing
                        : RexProgramBuilder.mergePrograms(pushed, computing, getCluster().getRexBuilder());
                rowtime = rowtime.map(index -> java.util.Arrays.binarySearch(stored, index));
            }
        }
        int[] columns = computedRowtime ? null : usedColumns(program, rowType, rowtime);
        if (columns != null) {
            Optional<Source> narrower = source.project(columns);
            if (narrower.isPresent()) {
                source = narrower.get();
                int[] position = new int[rowType.getFieldCount()];
                RelDataTypeFactory.Builder fields = getCluster().getTypeFactory().builder();
                for (int i = 0; i < columns.length; i++) {
                    position[columns[i]] = i;
                    fields.add(rowType.getFieldList().get(columns[i]));
                }
                rowType = fields.build();
                program = overColumns(program, rowType, position);
                rowtime = rowtime.map(index -> position[index]);
            }
        }
        Schema schema = ArrowTypeMapping.toSchema(rowType);
        if (changelog.carriesRowKinds()) {
            schema = RowKinds.withRowKind(schema);
            program = program == null ? null : ChangelogPrograms.carryingRowKind(program, getCluster().getRexBuilder());
            afterWatermarks = afterWatermarks == null ? null
                    : ChangelogPrograms.carryingRowKind(afterWatermarks, getCluster().getRexBuilder());
        }
        Optional<Integer> sourceRowtime = computedRowtime ? Optional.empty() : rowtime;
        PipelineInput.FromSource input = new PipelineInput.FromSource(table.name(), source, schema, mode,
                sourceRowtime.map(index -> new WatermarkStrategy(index, delay)), table.idleTimeout());
        JobBuilder.Stream stream = new JobBuilder.Stream(input, parallelism);
        if (program != null) {
            stream.add(SluiceCalc.operator(program, getCluster().getRexBuilder(), builder.compiler()));
        }
        if (computedRowtime) {
            stream.add(new WatermarkAssignerOperatorFactory(new WatermarkStrategy(rowtime.get(), delay)));
            if (afterWatermarks != null) {
                stream.add(SluiceCalc.operator(afterWatermarks, getCluster().getRexBuilder(), builder.compiler()));
            }
        }
        return stream;
    }

    /** The table's columns computed from its {@code stored} ones, which the source reads. */
    private RexProgram computing(int[] stored) {
        RexBuilder rexBuilder = getCluster().getRexBuilder();
        RelDataTypeFactory.Builder storedType = getCluster().getTypeFactory().builder();
        for (int index : stored) {
            storedType.add(table.rowType().getFieldList().get(index));
        }
        List<RexNode> projects = new java.util.ArrayList<>();
        for (RelDataTypeField field : table.rowType().getFieldList()) {
            projects.add(table.computed(field.getIndex()).map(ComputedColumn::expression).orElseGet(() ->
                    rexBuilder.makeInputRef(field.getType(), java.util.Arrays.binarySearch(stored, field.getIndex()))));
        }
        return RexProgram.create(storedType.build(), projects, null, table.rowType(), rexBuilder);
    }

    /** The columns {@code program} and the watermark read, in order; null if that is all of them or there is no program. */
    private static int[] usedColumns(RexProgram program, RelDataType rowType, Optional<Integer> rowtime) {
        if (program == null) {
            return null;
        }
        RexNode condition = program.getCondition() == null ? null : program.expandLocalRef(program.getCondition());
        ImmutableBitSet.Builder used = RelOptUtil.InputFinder.bits(program.expandList(program.getProjectList()), condition)
                .rebuild();
        rowtime.ifPresent(used::set);
        if (used.isEmpty()) {
            // a batch still needs a column to carry its row count
            used.set(0);
        }
        ImmutableBitSet columns = used.build();
        return columns.cardinality() == rowType.getFieldCount() ? null : columns.toArray();
    }

    /** The program rewritten over the chosen columns: table column {@code c} is input {@code position[c]}. */
    private RexProgram overColumns(RexProgram program, RelDataType inputType, int[] position) {
        RexShuttle moved = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(position[ref.getIndex()], ref.getType());
            }
        };
        List<RexNode> projects = program.expandList(program.getProjectList()).stream()
                .map(expression -> expression.accept(moved)).toList();
        RexNode condition = program.getCondition() == null ? null
                : program.expandLocalRef(program.getCondition()).accept(moved);
        return RexProgram.create(inputType, projects, condition, program.getOutputRowType(),
                getCluster().getRexBuilder());
    }
}
