package io.sluice.runtime.checkpoint;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A completed checkpoint read back from its directory, to restore a job from.
 *
 * @param tasks        each task's state, by task
 * @param committables the commits each sink (by its pipeline's name) had prepared and not yet
 *                     made visible when the checkpoint was taken
 */
public record CompletedCheckpoint(Path directory, CheckpointMetadata metadata, Map<TaskId, TaskState> tasks,
                                  Map<String, List<byte[]>> committables) {
    public CompletedCheckpoint {
        requireNonNull(directory, "directory is null");
        requireNonNull(metadata, "metadata is null");
        tasks = Map.copyOf(tasks);
        committables = Map.copyOf(committables);
    }

    public long id() {
        return metadata.checkpointId();
    }

    /**
     * One task's state: each part's bytes by the part's id.
     *
     * @param finished the task had ended; a restored job does not run it again
     */
    public record TaskState(Map<String, byte[]> parts, boolean finished) {
        public TaskState {
            parts = Map.copyOf(parts);
        }
    }
}
