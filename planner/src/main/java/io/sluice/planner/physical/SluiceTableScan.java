package io.sluice.planner.physical;

import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.changelog.RowKinds;
import org.apache.arrow.vector.types.pojo.Schema;

import static java.util.Objects.requireNonNull;

import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.Rowtime;
import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.job.PipelineInput;
import io.sluice.runtime.operator.WatermarkStrategy;
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
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
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
     * The job's pipeline over the source. When the pushed filter and projection use only some of
     * the table's columns (the rowtime counts as used) and the source can read fewer columns, it
     * reads just those, and the program runs over them.
     */
    @Override
    public JobBuilder.Stream implement(JobBuilder builder) {
        int parallelism = Math.max(1, Math.min(builder.parallelism(), table.source().maxParallelism()));
        Source source = table.source();
        RelDataType rowType = table.rowType();
        RexProgram program = pushed;
        Optional<Integer> rowtime = table.rowtime().map(Rowtime::index);
        int[] columns = usedColumns();
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
                program = overColumns(pushed, rowType, position);
                rowtime = rowtime.map(index -> position[index]);
            }
        }
        long delay = table.rowtime().map(Rowtime::delayMillis).orElse(0L);
        Schema schema = ArrowTypeMapping.toSchema(rowType);
        if (changelog.carriesRowKinds()) {
            schema = RowKinds.withRowKind(schema);
            program = program == null ? null : ChangelogPrograms.carryingRowKind(program, getCluster().getRexBuilder());
        }
        PipelineInput.FromSource input = new PipelineInput.FromSource(table.name(), source, schema, mode, rowtime.map(index -> new WatermarkStrategy(index, delay)),
                table.idleTimeout());
        JobBuilder.Stream stream = new JobBuilder.Stream(input, parallelism);
        if (program != null) {
            stream.add(SluiceCalc.operator(program, getCluster().getRexBuilder(), builder.compiler()));
        }
        return stream;
    }

    /** The columns the pushed program and the watermark read, in table order; null if that is all of them. */
    private int[] usedColumns() {
        if (pushed == null) {
            return null;
        }
        RexNode condition = pushed.getCondition() == null ? null : pushed.expandLocalRef(pushed.getCondition());
        ImmutableBitSet.Builder used = RelOptUtil.InputFinder.bits(pushed.expandList(pushed.getProjectList()), condition)
                .rebuild();
        table.rowtime().ifPresent(rowtime -> used.set(rowtime.index()));
        if (used.isEmpty()) {
            // a batch still needs a column to carry its row count
            used.set(0);
        }
        ImmutableBitSet columns = used.build();
        return columns.cardinality() == table.rowType().getFieldCount() ? null : columns.toArray();
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
