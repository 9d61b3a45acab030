package io.sluice.runtime.connector.file;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.connector.SinkCommitter;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.EncoderFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.security.AccessPolicy;
import io.sluice.runtime.task.TaskContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Rolling part files in a directory (see {@link FileSinkFactory}), written exactly once in a
 * checkpointed job: the parts a checkpoint holds are made visible when it completes (see
 * {@link PartFileWriter}).
 */
final class FileSink implements Sink {
    private final Path directory;
    private final AccessPolicy policy;
    private final String format;
    private final EncoderFactory encoders;
    private final long fileSize;
    private final long rolloverMillis;

    FileSink(Path directory, AccessPolicy policy, String format, EncoderFactory encoders, long fileSize,
             long rolloverMillis) {
        this.directory = requireNonNull(directory, "directory is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.format = requireNonNull(format, "format is null");
        this.encoders = requireNonNull(encoders, "encoders is null");
        this.fileSize = fileSize;
        this.rolloverMillis = rolloverMillis;
    }

    @Override
    public Output createOutput(TaskContext context) {
        Path checked = policy.checkWrite(directory);
        try {
            Files.createDirectories(checked);
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "cannot make the directory '" + directory + "': "
                    + e.getMessage(), e);
        }
        return new PartFileWriter(checked, context.taskIndex(), encoders.create(), encoders.headerLine(), fileSize,
                rolloverMillis, context.clock(), context.job().checkpointing());
    }

    /** Renames the part files a checkpoint holds to their final names once it completes. */
    @Override
    public Optional<SinkCommitter> committer() {
        return Optional.of(new FileCommitter());
    }

    @Override
    public void check() {
        Path checked = policy.checkWrite(directory);
        if (Files.exists(checked) && !Files.isDirectory(checked)) {
            throw new SluiceException(ErrorCode.IO_ERROR, "'" + directory + "' is not a directory: the file sink "
                    + "writes part files into the directory 'path' names");
        }
    }

    /** A changelog format ({@code debezium-json}) writes each row's kind; the others only append. */
    @Override
    public ChangelogMode acceptedChangelog() {
        return encoders.changelogMode();
    }

    @Override
    public String describe() {
        return "file(path=" + directory + ", format=" + format + ")";
    }
}
