package io.sluice.engine.job;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.checkpoint.CheckpointConfig;
import io.sluice.runtime.job.RestartStrategy;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a background job survives failures: the checkpoints it takes (none if empty), how it
 * restarts from the newest of them, and the complete checkpoint it starts from
 * ({@code 'execution.savepoint.path'}), from the session's options.
 */
public record JobRecovery(Optional<CheckpointConfig> checkpoints, RestartStrategy restarts, Optional<Path> resumeFrom) {
    /** No checkpoints and no restarts: a failed job stays failed. */
    public static final JobRecovery NONE = new JobRecovery(Optional.empty(), new RestartStrategy.None(), Optional.empty());

    public JobRecovery {
        requireNonNull(checkpoints, "checkpoints is null");
        requireNonNull(restarts, "restarts is null");
        requireNonNull(resumeFrom, "resumeFrom is null");
    }
}
