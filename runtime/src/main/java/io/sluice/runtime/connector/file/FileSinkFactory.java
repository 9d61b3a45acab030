package io.sluice.runtime.connector.file;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.connector.SinkContext;
import io.sluice.runtime.connector.SinkFactory;
import io.sluice.runtime.format.FormatContext;
import io.sluice.runtime.security.AccessPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * The {@code file} connector's sink (also {@code filesystem}): each writing task writes rolling
 * part files into a directory, one record per line, as Flink's filesystem sink does.
 *
 * <p>Options: {@code 'path'} (required): the directory, made if missing; {@code 'format'}
 * (required), e.g. {@code csv} or {@code json}, with that format's options; rolling, with
 * Flink's names: {@code 'sink.rolling-policy.file-size'} (default {@code 128MB}): a part file is
 * closed once it is that large; {@code 'sink.rolling-policy.rollover-interval'} (default
 * {@code 30 min}): a part file is closed once it has been open that long;
 * {@code 'sink.rolling-policy.check-interval'} (default {@code 1 min}) is accepted: Sluice checks
 * the interval whenever rows or watermarks reach the task.
 *
 * <p>A part file is written as a hidden {@code .part-<job>-<task>-<run>-<n>.inprogress} file
 * (which the file source skips) and renamed {@code part-<job>-<task>-<run>-<n>} when it is
 * finished. Without checkpoints a part is finished when closed: when it rolls, when the job ends,
 * and when the job is stopped, so that every row written is in a finished file. In a checkpointed
 * job, exactly once: the parts a checkpoint holds are finished when it completes (see
 * {@link PartFileWriter}).
 *
 * <p>Under a closed {@link AccessPolicy} a relative path resolves against the policy's base
 * directory, and the directory must be in one the policy lets connectors write: checked when an
 * {@code INSERT} starts and when each task opens the directory. A table may be read or written,
 * so when it is created its path must be one connectors may read or write.
 */
public final class FileSinkFactory implements SinkFactory {
    static final String FILE_SIZE = "sink.rolling-policy.file-size";
    static final String ROLLOVER_INTERVAL = "sink.rolling-policy.rollover-interval";
    static final String CHECK_INTERVAL = "sink.rolling-policy.check-interval";
    private static final long DEFAULT_FILE_SIZE = 128L << 20;

    @Override
    public String identifier() {
        return "file";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("filesystem");
    }

    @Override
    public Sink create(SinkContext context) {
        ConnectorOptions options = context.options();
        AccessPolicy policy = context.accessPolicy();
        Path directory = policy.absolute(FileSourceFactory.path(options));
        // A file table has a source too: whether it may be written is checked again when it is written.
        policy.checkReadOrWrite(directory);
        String format = options.required(FileSourceFactory.FORMAT);
        long fileSize = options.optional(FILE_SIZE).map(value -> size(options, value)).orElse(DEFAULT_FILE_SIZE);
        Duration rollover = options.getDuration(ROLLOVER_INTERVAL, Duration.ofMinutes(30));
        options.getDuration(CHECK_INTERVAL, Duration.ofMinutes(1));
        if (rollover.isZero()) {
            throw options.invalid(ROLLOVER_INTERVAL, "must be longer than 0");
        }
        return new FileSink(directory, policy, format,
                context.formats().encoders(new FormatContext(context.tableName(), context.schema(), options)),
                fileSize, rollover.toMillis());
    }

    /** A size in Flink's form: {@code 128MB}, {@code 64 kb}, {@code 1gb} or a number of bytes. */
    private static long size(ConnectorOptions options, String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(\\d+)\\s*(b|bytes|k|kb|m|mb|g|gb)?\\s*")
                .matcher(value.toLowerCase(java.util.Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw options.invalid(FILE_SIZE, "'" + value + "' is not a size such as '128MB' or '64 kb'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return switch (unit.charAt(0)) {
            case 'k' -> n << 10;
            case 'm' -> n << 20;
            case 'g' -> n << 30;
            default -> n;
        };
    }
}
