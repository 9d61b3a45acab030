package io.sluice.runtime.job;

import io.sluice.runtime.checkpoint.CheckpointMetadata;
import io.sluice.runtime.checkpoint.CheckpointPlan;
import io.sluice.runtime.checkpoint.CompletedCheckpoint;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.operator.OperatorFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stable ids of a job's stateful parts, derived from its plan, and the check that a
 * checkpoint fits the job. A part's id is its pipeline's name (the planner names pipelines in
 * the order it builds them, so the same statement gets the same names), its place, and its name:
 * {@code p1/source/bids} for the reader of table {@code bids}, {@code p1/0/GroupAggregate} for
 * the first chained operator, {@code p1/sink} for the sink's output.
 */
final class CheckpointLayout {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointLayout.class);

    private CheckpointLayout() {
    }

    static String sourceId(PipelineSpec pipeline) {
        return pipeline.name() + "/source/" + ((PipelineInput.FromSource) pipeline.input()).table();
    }

    static String operatorId(PipelineSpec pipeline, int position) {
        return pipeline.name() + "/" + position + "/" + pipeline.operators().get(position).name();
    }

    static String sinkId(PipelineSpec pipeline) {
        return pipeline.name() + "/sink";
    }

    static CheckpointPlan plan(JobSpec spec) {
        List<CheckpointMetadata.Pipeline> pipelines = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        for (PipelineSpec pipeline : spec.pipelines()) {
            pipelines.add(new CheckpointMetadata.Pipeline(pipeline.name(), pipeline.parallelism()));
            if (pipeline.input() instanceof PipelineInput.FromSource) {
                sources.add(pipeline.name());
            }
        }
        return new CheckpointPlan(spec.name(), fingerprint(spec), pipelines, sources);
    }

    /** A hash of what the plan is made of: pipelines, their inputs, operators and outputs, not the job's name. */
    static String fingerprint(JobSpec spec) {
        StringBuilder plan = new StringBuilder();
        for (PipelineSpec pipeline : spec.pipelines()) {
            plan.append(pipeline.name()).append('|').append(pipeline.parallelism()).append('|');
            if (pipeline.input() instanceof PipelineInput.FromSource source) {
                plan.append("source:").append(source.table()).append(':').append(source.source().describe());
            } else if (pipeline.input() instanceof PipelineInput.FromExchange exchange) {
                plan.append("exchange:").append(exchange.exchangeId()).append(':').append(exchange.leftProducers());
            }
            for (OperatorFactory operator : pipeline.operators()) {
                plan.append('|').append(operator.name());
            }
            if (pipeline.output() instanceof PipelineOutput.ToSink sink) {
                plan.append("|sink:").append(sink.description());
            } else if (pipeline.output() instanceof PipelineOutput.ToExchange exchange) {
                plan.append("|exchange:").append(exchange.exchangeId());
            } else if (pipeline.output() instanceof PipelineOutput.ToExchanges fanOut) {
                plan.append("|exchanges:").append(fanOut.targets().size());
            }
            plan.append('\n');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(plan.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Checks that a checkpoint was taken of this plan: the same pipelines at the same
     * parallelism, and every part it holds state for at the same place with the same name (unless
     * {@code ignoreUnclaimed}: then the state of a part the job does not have is dropped, logged).
     *
     * @throws SluiceException naming what does not match
     */
    static void check(JobSpec spec, CompletedCheckpoint checkpoint, boolean ignoreUnclaimed) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> jobPipelines = new LinkedHashMap<>();
        spec.pipelines().forEach(p -> jobPipelines.put(p.name(), p.parallelism()));
        Map<String, Integer> saved = new LinkedHashMap<>();
        checkpoint.metadata().pipelines().forEach(p -> saved.put(p.name(), p.parallelism()));
        saved.forEach((name, parallelism) -> {
            Integer now = jobPipelines.get(name);
            if (now == null) {
                problems.add("pipeline " + name + " is in the checkpoint but not in the job");
            } else if (!now.equals(parallelism)) {
                problems.add("pipeline " + name + " ran at parallelism " + parallelism + " and now runs at " + now);
            }
        });
        jobPipelines.keySet().stream().filter(name -> !saved.containsKey(name))
                .forEach(name -> problems.add("pipeline " + name + " is in the job but not in the checkpoint"));
        Map<String, String> parts = partsOf(spec);
        for (CheckpointMetadata.Part part : checkpoint.metadata().parts()) {
            if (!parts.containsKey(part.id()) && ignoreUnclaimed) {
                LOG.warn("job {} drops the state of {} ('{}') in '{}': it has no place in the job", spec.name(),
                        part.operator(), part.id(), checkpoint.directory());
            } else if (!parts.containsKey(part.id())) {
                problems.add("the state of " + part.operator() + " ('" + part.id() + "') has no place in the job");
            }
        }
        if (!problems.isEmpty()) {
            throw new SluiceException(ErrorCode.VALIDATION_ERROR, "the checkpoint '" + checkpoint.directory()
                    + "' does not fit the job (its plan " + checkpoint.metadata().fingerprint() + ", the job's "
                    + fingerprint(spec) + "): " + String.join("; ", problems));
        }
    }

    /** Every place a part with state can have in the job, by id. */
    private static Map<String, String> partsOf(JobSpec spec) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (PipelineSpec pipeline : spec.pipelines()) {
            if (pipeline.input() instanceof PipelineInput.FromSource source) {
                parts.put(sourceId(pipeline), source.table());
            }
            for (int i = 0; i < pipeline.operators().size(); i++) {
                parts.put(operatorId(pipeline, i), pipeline.operators().get(i).name());
            }
            if (pipeline.output() instanceof PipelineOutput.ToSink) {
                parts.put(sinkId(pipeline), "sink");
            }
        }
        return parts;
    }
}
