package io.sluice.planner.physical;

import static java.util.Objects.requireNonNull;

import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.type.ArrowTypeMapping;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.job.PipelineInput;
import io.sluice.runtime.operator.WatermarkStrategy;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexProgram;

/**
 * Reads a table's source. A filter and projection pushed into the scan run right where rows are
 * read, in the source's own task, before any row is copied or moved.
 */
public final class SluiceTableScan extends TableScan implements SluiceRel {
    private final CatalogTable table;
    private final ReadMode mode;
    private final RexProgram pushed;

    /**
     * @param pushed the filter and projection pushed into the scan, or null
     */
    public SluiceTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable relOptTable, CatalogTable table,
                           ReadMode mode, RexProgram pushed) {
        super(cluster, traits, List.of(), relOptTable);
        this.table = requireNonNull(table, "table is null");
        this.mode = requireNonNull(mode, "mode is null");
        this.pushed = pushed;
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

    @Override
    public JobBuilder.Stream implement(JobBuilder builder) {
        int parallelism = Math.max(1, Math.min(builder.parallelism(), table.source().maxParallelism()));
        PipelineInput.FromSource input = new PipelineInput.FromSource(table.name(), table.source(),
                ArrowTypeMapping.toSchema(table.rowType()), mode,
                table.rowtime().map(rowtime -> new WatermarkStrategy(rowtime.index(), rowtime.delayMillis())),
                table.idleTimeout());
        JobBuilder.Stream stream = new JobBuilder.Stream(input, parallelism);
        if (pushed != null) {
            stream.add(SluiceCalc.operator(pushed, getCluster().getRexBuilder(), builder.compiler()));
        }
        return stream;
    }
}
