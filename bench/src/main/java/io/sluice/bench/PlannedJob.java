package io.sluice.bench;

import io.sluice.planner.physical.JobOptions;

import io.sluice.engine.Engine;
import io.sluice.engine.EngineConfig;
import io.sluice.engine.Session;
import io.sluice.parser.StatementParser;
import io.sluice.parser.ast.Query;
import io.sluice.parser.ast.Statement;
import io.sluice.planner.PlannedQuery;
import io.sluice.planner.QueryPlanner;
import io.sluice.runtime.Clock;
import io.sluice.runtime.job.JobSpec;
import io.sluice.runtime.job.PipelineOutput;
import io.sluice.runtime.job.PipelineSpec;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.JobControl;
import io.sluice.runtime.task.TaskContext;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A query planned by the engine's real planner, so that a benchmark measures the operators and
 * generated kernels queries run: declares the tables, plans the query, and hands out the
 * operator factories of its job (at parallelism 1, one pipeline) and what a task needs to make
 * operators from them.
 */
final class PlannedJob implements AutoCloseable {
    private final Engine engine;
    private final PlannedQuery plan;
    private final JobSpec job;

    private PlannedJob(Engine engine, PlannedQuery plan, JobSpec job) {
        this.engine = engine;
        this.plan = plan;
        this.job = job;
    }

    /** Runs the DDL statements, then plans the query at parallelism 1. */
    static PlannedJob plan(List<String> ddl, String query) {
        Engine engine = Engine.create(EngineConfig.defaults().withDefaultParallelism(1));
        try (Session session = engine.newSession()) {
            ddl.forEach(session::execute);
            Statement statement = new StatementParser().parse(query);
            if (!(statement instanceof Query parsed)) {
                throw new IllegalArgumentException("not a query: " + query);
            }
            PlannedQuery plan = new QueryPlanner(engine.sql()).plan(parsed.query());
            JobSpec job = plan.jobSpec("bench", JobOptions.of(1), new PipelineOutput.ToSink("bench", context -> {
                throw new IllegalStateException("the benchmark makes its own outputs");
            }), false);
            return new PlannedJob(engine, plan, job);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /** The first operator of this kind in the job. */
    <T extends OperatorFactory> T operator(Class<T> type) {
        for (PipelineSpec pipeline : job.pipelines()) {
            for (OperatorFactory operator : pipeline.operators()) {
                if (type.isInstance(operator)) {
                    return type.cast(operator);
                }
            }
        }
        throw new IllegalStateException("the plan has no " + type.getSimpleName() + ":\n" + plan.physicalPlan());
    }

    /** The Java source of the query's generated kernels, in plan order. */
    List<String> kernelSources() {
        return plan.kernelSources();
    }

    /** What a task of one thread gives its operators. */
    static TaskContext task(BufferAllocator allocator, int batchSize) {
        return new TaskContext("bench", 0, 1, allocator, new QueryMetrics(), Clock.SYSTEM, new JobControl() {
            @Override
            public boolean isStopping() {
                return false;
            }

            @Override
            public void finishEarly() {
            }
        }, batchSize);
    }

    @Override
    public void close() {
        engine.close();
    }

    /** An output that only counts the rows it is given. */
    static final class CountingOutput implements Output {
        long rows;

        @Override
        public void emit(VectorSchemaRoot batch) {
            rows += batch.getRowCount();
        }

        @Override
        public void emitWatermark(long watermark) {
        }

        @Override
        public void finish() {
        }
    }
}
