package io.sluice.runtime.checkpoint;

import java.util.List;

/**
 * The {@code _metadata} file of a checkpoint, as JSON: written last, so a checkpoint directory
 * without it is incomplete. {@code formatVersion} changes whenever the layout does.
 *
 * @param fingerprint  a hash of the job's plan (pipelines, their inputs, operators and outputs)
 * @param timestamp    when the checkpoint started, in milliseconds since the epoch
 * @param pipelines    every pipeline of the job, with its parallelism
 * @param parts        every stateful part that had state, with its stable id
 * @param tasks        every task, with the file holding its state
 * @param committables the file holding the sinks' prepared commits, or null if no sink has any
 */
public record CheckpointMetadata(int formatVersion, long checkpointId, String job, String fingerprint, long timestamp,
                                 List<Pipeline> pipelines, List<Part> parts, List<Task> tasks, String committables) {
    public static final int FORMAT_VERSION = 1;

    public CheckpointMetadata {
        pipelines = List.copyOf(pipelines);
        parts = List.copyOf(parts);
        tasks = List.copyOf(tasks);
    }

    public record Pipeline(String name, int parallelism) {
    }

    /** A stateful part: {@code operator} names what it is, for messages. */
    public record Part(String id, String pipeline, String operator) {
    }

    /** A task's state file, and whether the task had ended (then it has no state and is not run again). */
    public record Task(String pipeline, int index, String file, boolean finished, long bytes) {
    }
}
