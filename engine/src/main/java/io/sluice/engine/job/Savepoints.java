package io.sluice.engine.job;

import io.sluice.runtime.checkpoint.CheckpointStorage;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Savepoints, as Flink has them: a checkpoint kept apart from the job's own, which the job's
 * retention never deletes, to resume a job from with {@code SET 'execution.savepoint.path'}. A
 * savepoint is a copy of a complete {@code chk-<id>} directory, under
 * {@code <'state.savepoints.dir'>/savepoint-<job id>-<8 hex digits>/}.
 */
public final class Savepoints {
    /** Flink's option: the checkpoint or savepoint the next INSERT resumes from. */
    public static final String PATH = "execution.savepoint.path";
    /** Flink's option: the state of the savepoint that no part of the job claims is dropped rather than refused. */
    public static final String IGNORE_UNCLAIMED_STATE = "execution.savepoint.ignore-unclaimed-state";
    /** Flink's option: where {@code STOP JOB ... WITH SAVEPOINT} puts savepoints. */
    public static final String DIRECTORY = "state.savepoints.dir";

    private Savepoints() {
    }

    /**
     * The complete checkpoint a path names: a savepoint or {@code chk-<id>} directory itself, or a
     * directory of checkpoints (a job's, or one holding several jobs'), whose newest complete one it is.
     *
     * @throws SluiceException if the path holds no complete checkpoint
     */
    public static Path resolve(Path path) {
        Optional<Path> newest;
        try {
            newest = CheckpointStorage.newestCompleted(path);
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "cannot read '" + PATH + "' = '" + path + "': " + e, e);
        }
        return newest.orElseThrow(() -> new SluiceException(ErrorCode.VALIDATION_ERROR, "'" + PATH + "' = '" + path
                + "' is neither a savepoint, a checkpoint (a directory with a " + CheckpointStorage.METADATA
                + " file) nor a directory of a job's checkpoints holding a complete one"));
    }

    /** The newest complete checkpoint in a job's checkpoint directory, if it holds one. */
    public static Optional<Path> newestIn(Path jobDirectory) {
        try {
            List<Long> completed = CheckpointStorage.completed(jobDirectory);
            return completed.isEmpty() ? Optional.empty()
                    : Optional.of(CheckpointStorage.directoryOf(jobDirectory, completed.get(completed.size() - 1)));
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "cannot read the checkpoint directory '" + jobDirectory + "': "
                    + e, e);
        }
    }

    /** Copies a complete checkpoint into a new savepoint of job {@code jobId} under {@code directory}. */
    static Path keep(Path checkpoint, Path directory, String jobId) {
        Path savepoint = directory.resolve("savepoint-" + jobId + "-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectories(savepoint);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(checkpoint)) {
                for (Path file : files) {
                    if (!file.getFileName().toString().equals(CheckpointStorage.METADATA)) {
                        Files.copy(file, savepoint.resolve(file.getFileName()));
                    }
                }
            }
            // last, so that a savepoint is complete iff it has its metadata, as a checkpoint
            Files.copy(checkpoint.resolve(CheckpointStorage.METADATA), savepoint.resolve(CheckpointStorage.METADATA));
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "cannot write the savepoint '" + savepoint + "': " + e, e);
        }
        return savepoint;
    }
}
