package io.sluice.runtime.connector.file;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceContext;
import io.sluice.runtime.connector.SourceFactory;
import io.sluice.runtime.format.FormatContext;
import io.sluice.runtime.security.AccessPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;

/**
 * The {@code file} connector (also {@code filesystem}, Flink's name): a bounded source over a
 * local file or the files of a directory, one record per line.
 *
 * <p>Options: {@code 'path'} (required): a file, or a directory whose regular files are read in
 * name order, skipping hidden ones (names starting with {@code .} or {@code _}), not descending
 * into subdirectories; a {@code file:} URI is accepted too. {@code 'format'} (required), e.g.
 * {@code csv} or {@code json}, with that format's options. Lines end with {@code \n} or
 * {@code \r\n}; empty lines hold no record. A format's header line ({@code 'csv.header'}) is
 * skipped at the start of each file.
 *
 * <p>Under a closed {@link AccessPolicy} a relative path resolves against the policy's base
 * directory, and the path, each file listed in a directory included, must be in a directory
 * the policy lets connectors read: checked when it is read. A table may be read or written, so
 * when it is created its path must be one connectors may read or write.
 */
public final class FileSourceFactory implements SourceFactory {
    static final String PATH = "path";
    static final String FORMAT = "format";
    private static final long DEFAULT_SPLIT_SIZE = 32L << 20;
    private static final int DEFAULT_BUFFER_SIZE = 256 << 10;
    private static final int DEFAULT_MAX_LINE_BYTES = 16 << 20;

    private final long splitSize;
    private final int bufferSize;
    private final int maxLineBytes;

    public FileSourceFactory() {
        this(DEFAULT_SPLIT_SIZE, DEFAULT_BUFFER_SIZE, DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * @param splitSize    files larger than this are read in ranges of this many bytes
     * @param bufferSize   the bytes read at a time
     * @param maxLineBytes longer lines are malformed
     */
    FileSourceFactory(long splitSize, int bufferSize, int maxLineBytes) {
        if (splitSize <= 0 || bufferSize <= 0 || maxLineBytes <= 0) {
            throw new IllegalArgumentException("sizes must be positive: " + splitSize + ", " + bufferSize + ", " + maxLineBytes);
        }
        this.splitSize = splitSize;
        this.bufferSize = bufferSize;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public String identifier() {
        return "file";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("filesystem");
    }

    @Override
    public Source create(SourceContext context) {
        ConnectorOptions options = context.options();
        AccessPolicy policy = context.accessPolicy();
        Path path = policy.absolute(path(options));
        // A file table has a sink too: whether it may be read is checked again when it is read.
        policy.checkReadOrWrite(path);
        String format = options.required(FORMAT);
        return new FileSource(path, policy, format,
                context.formats().decoders(new FormatContext(context.tableName(), context.schema(), options)),
                splitSize, bufferSize, maxLineBytes);
    }

    static Path path(ConnectorOptions options) {
        String value = options.required(PATH);
        if (!value.startsWith("file:") && value.matches("[a-zA-Z][a-zA-Z0-9+.-]+://.*")) {
            throw options.invalid(PATH, "'" + value + "' is not a local path; the file connector reads local files only");
        }
        try {
            return value.startsWith("file:") ? Path.of(URI.create(value)) : Path.of(value);
        } catch (IllegalArgumentException e) {
            throw options.invalid(PATH, "'" + value + "' is not a valid path: " + e.getMessage());
        }
    }
}
