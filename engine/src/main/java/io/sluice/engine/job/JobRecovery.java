package io.sluice.engine.job;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.checkpoint.CheckpointConfig;
import io.sluice.runtime.checkpoint.CheckpointRetention;
import io.sluice.runtime.job.RestartStrategy;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a background job survives failures: the checkpoints it takes (none if empty), how it
 * restarts from the newest of them, and the complete checkpoint or savepoint it starts from (from
 * {@code 'execution.savepoint.path'}, dropping the state the job does not claim if
 * {@code 'execution.savepoint.ignore-unclaimed-state'}), from the session's options.
 */
public record JobRecovery(Optional<CheckpointConfig> checkpoints, RestartStrategy restarts, Optional<Path> resumeFrom,
                          boolean ignoreUnclaimedState) {
    /** No checkpoints and no restarts: a failed job stays failed. */
    public static final JobRecovery NONE = new JobRecovery(Optional.empty(), new RestartStrategy.None(), Optional.empty(),
            false);

    public JobRecovery {
        requireNonNull(checkpoints, "checkpoints is null");
        requireNonNull(restarts, "restarts is null");
        requireNonNull(resumeFrom, "resumeFrom is null");
    }

    /** The same, starting from another checkpoint, or from the start if empty. */
    public JobRecovery resumingFrom(Optional<Path> checkpoint) {
        return new JobRecovery(checkpoints, restarts, checkpoint, ignoreUnclaimedState);
    }

    /** The same, keeping the checkpoints when the job is stopped (the server resumes its jobs from them). */
    public JobRecovery retainingCheckpoints() {
        return new JobRecovery(checkpoints.map(c -> new CheckpointConfig(c.interval(), c.mode(), c.directory(),
                c.retained(), c.timeout(), CheckpointRetention.RETAIN_ON_CANCELLATION)), restarts, resumeFrom,
                ignoreUnclaimedState);
    }
}
