package io.sluice.runtime.checkpoint;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * What the coordinator knows of the job it checkpoints.
 *
 * @param job             the job's name, for messages and the metadata
 * @param fingerprint     a hash of the job's plan, kept in the metadata
 * @param pipelines       every pipeline, with its parallelism, in the job's order
 * @param sourcePipelines the pipelines that read sources: barriers start in their tasks
 */
public record CheckpointPlan(String job, String fingerprint, List<CheckpointMetadata.Pipeline> pipelines,
                             Set<String> sourcePipelines) {
    public CheckpointPlan {
        requireNonNull(job, "job is null");
        requireNonNull(fingerprint, "fingerprint is null");
        pipelines = List.copyOf(pipelines);
        sourcePipelines = Set.copyOf(sourcePipelines);
    }

    /** The name of a task's state file: by the pipeline's place in the job, so any pipeline name will do. */
    String fileOf(TaskId task) {
        for (int i = 0; i < pipelines.size(); i++) {
            if (pipelines.get(i).name().equals(task.pipeline())) {
                return "task-" + i + "-" + task.index();
            }
        }
        throw new IllegalArgumentException("no pipeline " + task.pipeline());
    }
}
