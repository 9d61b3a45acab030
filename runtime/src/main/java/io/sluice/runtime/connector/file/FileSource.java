package io.sluice.runtime.connector.file;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.format.DecoderFactory;
import io.sluice.runtime.security.AccessPolicy;
import io.sluice.runtime.task.TaskContext;
import java.nio.file.Path;

/**
 * A file, or the files of a directory, read line by line. Files are dealt out to the parallel
 * readers whole, and files larger than the split size in byte ranges, so that every line is read
 * exactly once at any parallelism. The path is looked at only when readers are made, so a file
 * may appear after the table was created; the access policy is applied then to what the path
 * and the files of a directory lead to.
 */
final class FileSource implements Source {
    private final Path path;
    private final AccessPolicy policy;
    private final String format;
    private final DecoderFactory decoders;
    private final long splitSize;
    private final int bufferSize;
    private final int maxLineBytes;

    FileSource(Path path, AccessPolicy policy, String format, DecoderFactory decoders, long splitSize, int bufferSize,
               int maxLineBytes) {
        this.path = requireNonNull(path, "path is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.format = requireNonNull(format, "format is null");
        this.decoders = requireNonNull(decoders, "decoders is null");
        this.splitSize = splitSize;
        this.bufferSize = bufferSize;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public SourceReader createReader(TaskContext context, ReadMode mode) {
        return new FileSourceReader(
                FileSplits.forTask(path, policy, splitSize, context.taskIndex(), context.parallelism()),
                decoders, context.metrics(), context.batchSize(), bufferSize, maxLineBytes);
    }

    /** A reader resumes at the byte offsets a checkpoint kept (see {@link FileSourceReader}). */
    @Override
    public boolean canReplay() {
        return true;
    }

    /** A changelog when the format is one, such as {@code debezium-json}. */
    @Override
    public ChangelogMode changelogMode() {
        return decoders.changelogMode();
    }

    @Override
    public String describe() {
        return "file(path=" + path + ", format=" + format + ")";
    }
}
