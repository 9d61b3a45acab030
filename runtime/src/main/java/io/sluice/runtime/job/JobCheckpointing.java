package io.sluice.runtime.job;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.checkpoint.CheckpointConfig;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a job takes checkpoints, and whether it resumes from one.
 *
 * @param config      how checkpoints are taken; empty for none
 * @param storageName the job's directory under the checkpoint directory, unique to the job (a
 *                    restarted job goes on in the same one)
 * @param restoreFrom the {@code chk-<id>} directory of a completed checkpoint to resume from
 * @param ignoreUnclaimedState Flink's {@code 'execution.savepoint.ignore-unclaimed-state'}: state in
 *                    the checkpoint that no part of the job claims is dropped (logged) instead of
 *                    refusing the checkpoint
 */
public record JobCheckpointing(Optional<CheckpointConfig> config, String storageName, Optional<Path> restoreFrom,
                               boolean ignoreUnclaimedState) {
    /** No checkpoints, no restore: the job runs as it always did. */
    public static final JobCheckpointing NONE = new JobCheckpointing(Optional.empty(), "none", Optional.empty());

    public JobCheckpointing {
        requireNonNull(config, "config is null");
        requireNonNull(storageName, "storageName is null");
        requireNonNull(restoreFrom, "restoreFrom is null");
        if (storageName.isEmpty() || storageName.contains("/") || storageName.contains("\\") || storageName.startsWith(".")) {
            throw new IllegalArgumentException("not a directory name: '" + storageName + "'");
        }
    }

    /** Refusing a checkpoint that holds state the job does not claim. */
    public JobCheckpointing(Optional<CheckpointConfig> config, String storageName, Optional<Path> restoreFrom) {
        this(config, storageName, restoreFrom, false);
    }

    public static JobCheckpointing of(CheckpointConfig config, String storageName) {
        return new JobCheckpointing(Optional.of(config), storageName, Optional.empty());
    }

    /** The same, resuming from a completed checkpoint's directory. */
    public JobCheckpointing restoringFrom(Path checkpoint) {
        return new JobCheckpointing(config, storageName, Optional.of(checkpoint), ignoreUnclaimedState);
    }

    /** Where the job's checkpoints go, if it takes any. */
    public Optional<Path> jobDirectory() {
        return config.map(c -> c.directory().resolve(storageName));
    }
}
