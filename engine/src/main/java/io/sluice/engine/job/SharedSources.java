package io.sluice.engine.job;

import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.exchange.ExchangeSpec;
import io.sluice.runtime.exchange.Partitioning;
import io.sluice.runtime.job.JobSpec;
import io.sluice.runtime.job.PipelineInput;
import io.sluice.runtime.job.PipelineOutput;
import io.sluice.runtime.job.PipelineSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the jobs of a statement set's INSERTs into one job that reads each shared source once,
 * as Flink does: a source read by several INSERTs gets one pipeline of its own, which sends every
 * batch, watermark and end into one forward exchange per INSERT reading it. Everything else of
 * each INSERT's job stays as it was, its exchanges renumbered.
 */
final class SharedSources {
    private static final int EXCHANGE_CAPACITY = 16;

    private SharedSources() {
    }

    private record SourceKey(String table, Source source, ReadMode mode, int parallelism) {
    }

    static JobSpec merge(String name, List<JobSpec> jobs) {
        Map<SourceKey, Integer> readers = new LinkedHashMap<>();
        for (JobSpec job : jobs) {
            for (PipelineSpec pipeline : job.pipelines()) {
                if (pipeline.input() instanceof PipelineInput.FromSource source) {
                    readers.merge(key(source, pipeline), 1, Integer::sum);
                }
            }
        }
        List<ExchangeSpec> exchanges = new ArrayList<>();
        List<PipelineSpec> pipelines = new ArrayList<>();
        Map<SourceKey, PipelineInput.FromSource> sharedInputs = new LinkedHashMap<>();
        Map<SourceKey, List<PipelineOutput.ToExchange>> sharedTargets = new LinkedHashMap<>();
        for (int j = 0; j < jobs.size(); j++) {
            JobSpec job = jobs.get(j);
            int base = exchanges.size();
            for (ExchangeSpec exchange : job.exchanges()) {
                exchanges.add(new ExchangeSpec(base + exchange.id(), exchange.producers(), exchange.consumers(),
                        exchange.capacity()));
            }
            for (PipelineSpec pipeline : job.pipelines()) {
                PipelineInput input = pipeline.input();
                if (input instanceof PipelineInput.FromExchange fromExchange) {
                    input = new PipelineInput.FromExchange(base + fromExchange.exchangeId(), fromExchange.leftProducers());
                } else if (input instanceof PipelineInput.FromSource source && readers.get(key(source, pipeline)) > 1) {
                    SourceKey key = key(source, pipeline);
                    int id = exchanges.size();
                    exchanges.add(new ExchangeSpec(id, pipeline.parallelism(), pipeline.parallelism(), EXCHANGE_CAPACITY));
                    sharedInputs.putIfAbsent(key, source);
                    sharedTargets.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new PipelineOutput.ToExchange(id, new Partitioning.Forward()));
                    input = new PipelineInput.FromExchange(id);
                }
                PipelineOutput output = pipeline.output();
                if (output instanceof PipelineOutput.ToExchange toExchange) {
                    output = new PipelineOutput.ToExchange(base + toExchange.exchangeId(), toExchange.partitioning(),
                            toExchange.producerOffset());
                }
                pipelines.add(new PipelineSpec("i" + (j + 1) + "-" + pipeline.name(), pipeline.parallelism(), input,
                        pipeline.operators(), output));
            }
        }
        int shared = 0;
        for (Map.Entry<SourceKey, PipelineInput.FromSource> entry : sharedInputs.entrySet()) {
            pipelines.add(new PipelineSpec("source" + (++shared) + "-" + entry.getKey().table(),
                    entry.getKey().parallelism(), entry.getValue(), List.of(),
                    new PipelineOutput.ToExchanges(sharedTargets.get(entry.getKey()))));
        }
        return new JobSpec(name, pipelines, exchanges);
    }

    private static SourceKey key(PipelineInput.FromSource source, PipelineSpec pipeline) {
        return new SourceKey(source.table(), source.source(), source.mode(), pipeline.parallelism());
    }
}
