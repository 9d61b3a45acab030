package io.sluice.runtime.checkpoint;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a job takes checkpoints, with Flink's option names.
 *
 * @param interval  {@code 'execution.checkpointing.interval'}: a checkpoint starts this long after the previous one started
 * @param mode      {@code 'execution.checkpointing.mode'}
 * @param directory {@code 'state.checkpoints.dir'}: a job's checkpoints go under {@code directory/<job id>/}
 * @param retained  {@code 'state.checkpoints.num-retained'}: how many completed checkpoints are kept, newest first
 * @param timeout   {@code 'execution.checkpointing.timeout'}: a checkpoint not acknowledged by every task within it is aborted
 * @param retention what becomes of the checkpoints when the job ends
 */
public record CheckpointConfig(Duration interval, CheckpointingMode mode, Path directory, int retained,
                               Duration timeout, CheckpointRetention retention) {
    public static final String INTERVAL = "execution.checkpointing.interval";
    public static final String MODE = "execution.checkpointing.mode";
    public static final String DIRECTORY = "state.checkpoints.dir";
    public static final String RETAINED = "state.checkpoints.num-retained";
    public static final String TIMEOUT = "execution.checkpointing.timeout";

    public static final int DEFAULT_RETAINED = 1;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public CheckpointConfig {
        requireNonNull(interval, "interval is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(directory, "directory is null");
        requireNonNull(timeout, "timeout is null");
        requireNonNull(retention, "retention is null");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the checkpoint interval must be positive: " + interval);
        }
        if (retained <= 0) {
            throw new IllegalArgumentException("at least one checkpoint must be retained: " + retained);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the checkpoint timeout must be positive: " + timeout);
        }
    }

    /** Checkpoints deleted when the job finishes or is stopped. */
    public CheckpointConfig(Duration interval, CheckpointingMode mode, Path directory, int retained, Duration timeout) {
        this(interval, mode, directory, retained, timeout, CheckpointRetention.DELETE_ON_CANCELLATION);
    }
}
