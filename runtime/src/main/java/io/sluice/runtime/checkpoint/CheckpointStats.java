package io.sluice.runtime.checkpoint;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * What SHOW JOBS tells of a completed checkpoint.
 *
 * @param timestamp      when it started, in milliseconds since the epoch
 * @param bytes          the size of the state and commits it holds
 * @param durationMillis from its start until its {@code _metadata} was written
 */
public record CheckpointStats(long id, long timestamp, long bytes, long durationMillis, Path directory) {
    public CheckpointStats {
        requireNonNull(directory, "directory is null");
    }
}
