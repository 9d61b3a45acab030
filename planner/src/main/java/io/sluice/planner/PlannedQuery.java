package io.sluice.planner;

import static java.util.Objects.requireNonNull;

import io.sluice.planner.codegen.CalcKernelGenerator;
import io.sluice.planner.physical.JobBuilder;
import io.sluice.planner.physical.JobOptions;
import io.sluice.planner.physical.SluiceCalc;
import io.sluice.planner.physical.SluiceGroupAggregate;
import io.sluice.planner.physical.SluiceLocalGroupAggregate;
import io.sluice.planner.physical.SluiceRel;
import io.sluice.planner.physical.SluiceTableScan;
import io.sluice.planner.physical.SluiceWindowAggregate;
import io.sluice.runtime.codegen.KernelCompiler;
import io.sluice.runtime.job.JobSpec;
import io.sluice.runtime.job.PipelineOutput;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlExplainLevel;

/**
 * A planned query: its result columns, its logical and physical plans, and how to make the job
 * that runs it.
 *
 * @param streaming true for {@code SELECT STREAM}: the result follows its sources
 * @param rowType   the result's columns, named as the query names them
 * @param logical   the optimized logical plan
 * @param physical  the physical plan
 */
public record PlannedQuery(boolean streaming, RelDataType rowType, RelNode logical, SluiceRel physical,
                           KernelCompiler compiler) {
    public PlannedQuery {
        requireNonNull(rowType, "rowType is null");
        requireNonNull(logical, "logical is null");
        requireNonNull(physical, "physical is null");
        requireNonNull(compiler, "compiler is null");
    }

    /** The job running this query with the session's options, its results going to the sink. */
    public JobSpec jobSpec(String jobName, JobOptions options, PipelineOutput.ToSink sink, boolean sinkInOneTask) {
        JobBuilder builder = new JobBuilder(jobName, compiler, options);
        JobBuilder.Stream stream = physical.implement(builder);
        if (sinkInOneTask) {
            stream = builder.gather(stream);
        }
        return builder.build(stream, sink);
    }

    public String logicalPlan() {
        return RelOptUtil.toString(logical, SqlExplainLevel.EXPPLAN_ATTRIBUTES);
    }

    public String physicalPlan() {
        return RelOptUtil.toString(physical, SqlExplainLevel.EXPPLAN_ATTRIBUTES);
    }

    /** The Java source of each generated kernel, in plan order. */
    public List<String> kernelSources() {
        List<String> sources = new ArrayList<>();
        collectKernels(physical, sources);
        return sources;
    }

    /** The changelog the query's result is: insert-only, or updating with the row kind last. */
    public io.sluice.planner.physical.Changelog changelog() {
        return physical.changelog();
    }

    /**
     * This query for a consumer that writes its rows by {@code key}: its plan in upsert mode
     * where that saves the old values of updates (see {@link SluiceRel#inUpsertMode}).
     */
    public PlannedQuery inUpsertMode(org.apache.calcite.util.ImmutableBitSet key) {
        SluiceRel upsert = physical.inUpsertMode(key);
        return upsert == physical ? this : new PlannedQuery(streaming, rowType, logical, upsert, compiler);
    }

    /** What EXPLAIN prints: the two plans and the generated code. */
    public String explain() {
        StringBuilder text = new StringBuilder();
        text.append("== Logical plan ==\n").append(logicalPlan());
        text.append("\n== Physical plan ==\n").append(physicalPlan());
        List<String> kernels = kernelSources();
        for (int i = 0; i < kernels.size(); i++) {
            text.append("\n== Generated kernel ").append(i + 1).append(" ==\n").append(kernels.get(i));
        }
        return text.toString();
    }

    private static void collectKernels(RelNode node, List<String> sources) {
        for (RelNode input : node.getInputs()) {
            collectKernels(input, sources);
        }
        RexProgram program = node instanceof SluiceCalc calc ? calc.getProgram()
                : node instanceof SluiceTableScan scan ? scan.pushed()
                : null;
        if (program != null && SluiceCalc.selectedColumns(program) == null) {
            sources.add(new CalcKernelGenerator(node.getCluster().getRexBuilder()).generate(program).source());
        }
        if (node instanceof SluiceWindowAggregate aggregate) {
            sources.add(aggregate.kernel().source());
        }
        if (node instanceof SluiceLocalGroupAggregate local) {
            sources.add(local.kernel().source());
        }
        if (node instanceof SluiceGroupAggregate aggregate) {
            sources.add(aggregate.kernel().source());
        }
    }
}
