package io.sluice.planner.physical;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.codegen.KernelCompiler;
import io.sluice.runtime.exchange.ExchangeSpec;
import io.sluice.runtime.exchange.KeyHashPartitioner;
import io.sluice.runtime.exchange.Partitioning;
import io.sluice.runtime.job.JobSpec;
import io.sluice.runtime.job.PipelineInput;
import io.sluice.runtime.job.PipelineOutput;
import io.sluice.runtime.job.PipelineSpec;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.state.StateTtl;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a physical plan into a {@link JobSpec}. Operators are chained into the current pipeline
 * for as long as rows can stay in the task that produced them; an exchange ends a pipeline where
 * rows must move (gathered to one task, or repartitioned by key).
 */
public final class JobBuilder {
    private static final int EXCHANGE_CAPACITY = 16;

    private final String jobName;
    private final int parallelism;
    private final KernelCompiler compiler;
    private final JobOptions options;
    private final List<PipelineSpec> pipelines = new ArrayList<>();
    private final List<ExchangeSpec> exchanges = new ArrayList<>();

    public JobBuilder(String jobName, KernelCompiler compiler, JobOptions options) {
        this.jobName = requireNonNull(jobName, "jobName is null");
        this.options = requireNonNull(options, "options is null");
        this.parallelism = options.parallelism();
        this.compiler = requireNonNull(compiler, "compiler is null");
    }

    /** How long operators keep idle keys' state ({@code 'table.exec.state.ttl'}). */
    public StateTtl stateTtl() {
        return options.stateTtl();
    }

    /** Whether aggregations run a local step before their exchange ({@code 'table.optimizer.agg-phase-strategy'}). */
    public AggPhaseStrategy aggPhaseStrategy() {
        return options.aggPhaseStrategy();
    }

    /** The parallelism the query runs at, where nothing forces less. */
    public int parallelism() {
        return parallelism;
    }

    public KernelCompiler compiler() {
        return compiler;
    }

    /** A pipeline being built: where it reads from, the operators so far, and how many tasks run it. */
    public static final class Stream {
        private final PipelineInput input;
        private final int parallelism;
        private final List<OperatorFactory> operators = new ArrayList<>();

        public Stream(PipelineInput input, int parallelism) {
            this.input = requireNonNull(input, "input is null");
            this.parallelism = parallelism;
        }

        public int parallelism() {
            return parallelism;
        }

        public Stream add(OperatorFactory operator) {
            operators.add(requireNonNull(operator, "operator is null"));
            return this;
        }
    }

    /** Ends the stream's pipeline at an exchange and starts a new one reading from it. */
    public Stream exchange(Stream from, Partitioning partitioning, int consumers) {
        int id = exchanges.size();
        exchanges.add(new ExchangeSpec(id, from.parallelism, consumers, EXCHANGE_CAPACITY));
        close(from, new PipelineOutput.ToExchange(id, partitioning));
        return new Stream(new PipelineInput.FromExchange(id), consumers);
    }

    /**
     * Ends two streams' pipelines at one exchange and starts the pipeline that reads both: its
     * first operator takes batches of the left stream as input 0 and of the right as input 1.
     */
    public Stream join(Stream left, Partitioning leftPartitioning, Stream right, Partitioning rightPartitioning,
                       int consumers) {
        int id = exchanges.size();
        exchanges.add(new ExchangeSpec(id, left.parallelism + right.parallelism, consumers, EXCHANGE_CAPACITY));
        close(left, new PipelineOutput.ToExchange(id, leftPartitioning, 0));
        close(right, new PipelineOutput.ToExchange(id, rightPartitioning, left.parallelism));
        return new Stream(new PipelineInput.FromExchange(id, left.parallelism), consumers);
    }

    /**
     * Brings the rows of two inputs with equal keys to one task of a two-input pipeline: both
     * hash-partitioned by their key columns at the query's parallelism, or gathered to one task
     * without keys.
     */
    public Stream joinByKeys(Stream left, int[] leftKeys, Stream right, int[] rightKeys) {
        boolean keyed = leftKeys.length > 0;
        return join(left, keyed ? new Partitioning.Hash(new KeyHashPartitioner(leftKeys)) : new Partitioning.Gather(),
                right, keyed ? new Partitioning.Hash(new KeyHashPartitioner(rightKeys)) : new Partitioning.Gather(),
                keyed ? parallelism : 1);
    }

    /**
     * Brings the rows of each key to one task: hash-partitioned by the key columns at the query's
     * parallelism (no exchange when all runs in one task), or gathered to one task without keys.
     */
    public Stream partitionByKeys(Stream from, int[] keyColumns) {
        if (!exchanges(from, keyColumns)) {
            return from;
        }
        return keyColumns.length == 0
                ? exchange(from, new Partitioning.Gather(), 1)
                : exchange(from, new Partitioning.Hash(new KeyHashPartitioner(keyColumns)), parallelism);
    }

    /** Whether {@link #partitionByKeys} makes an exchange: when the stream or its consumers run in several tasks. */
    public boolean exchanges(Stream from, int[] keyColumns) {
        return from.parallelism > 1 || keyColumns.length > 0 && parallelism > 1;
    }

    /**
     * Ends several streams' pipelines at one exchange and starts the pipeline that reads them all
     * as one input (a union): the streams' batches must have the same columns.
     */
    public Stream union(List<Stream> inputs, Partitioning partitioning, int consumers) {
        int id = exchanges.size();
        exchanges.add(new ExchangeSpec(id, inputs.stream().mapToInt(Stream::parallelism).sum(), consumers,
                EXCHANGE_CAPACITY));
        int producers = 0;
        for (Stream input : inputs) {
            close(input, new PipelineOutput.ToExchange(id, partitioning, producers));
            producers += input.parallelism;
        }
        return new Stream(new PipelineInput.FromExchange(id), consumers);
    }

    /** Brings the stream to one task, with an exchange if it runs in several. */
    public Stream gather(Stream from) {
        return from.parallelism == 1 ? from : exchange(from, new Partitioning.Gather(), 1);
    }

    /** Ends the last pipeline at the sink and returns the job. */
    public JobSpec build(Stream last, PipelineOutput.ToSink sink) {
        close(last, sink);
        return new JobSpec(jobName, pipelines, exchanges);
    }

    private void close(Stream stream, PipelineOutput output) {
        String name = "p" + pipelines.size();
        pipelines.add(new PipelineSpec(name, stream.parallelism, stream.input, stream.operators, output));
    }
}
