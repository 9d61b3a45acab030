package io.sluice.engine.job;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.runtime.checkpoint.CheckpointRetention;
import io.sluice.runtime.checkpoint.CheckpointStorage;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.job.JobState;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a server keeps in its data directory so that, started again with it after a crash or a
 * stop, it recreates its catalog and resumes its jobs from their newest checkpoints:
 * <ul>
 *   <li>{@code catalog.json}: every CREATE and DROP the server ran, in order, replayed first;</li>
 *   <li>{@code jobs/<job id>/job.json}: each running INSERT INTO job, statement set or
 *       materialized view's job: its statement, the session's options when it started, its
 *       owner, the name of its checkpoint directory and the view it keeps. A job stopped with
 *       STOP JOB, whose view was dropped, or that finished, is forgotten.</li>
 * </ul>
 * Both carry a format version. Their checkpoints are kept when the server stops, whatever the
 * retention option says, since the server resumes from them; STOP JOB deletes them unless the
 * job's options retain them.
 */
public final class JobStore {
    public static final int FORMAT_VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(JobStore.class);
    private static final String CATALOG = "catalog.json";
    private static final String JOBS = "jobs";
    private static final String JOB = "job.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * A job as it is kept: enough to run its statement again as the same job.
     *
     * @param view the materialized view whose rows the job keeps, or null for an INSERT job or a
     *             statement set: such a job is resumed when the catalog's statement creating the
     *             view runs again, rather than by its own statement
     */
    public record JobRecord(int formatVersion, String id, String owner, String statement, Map<String, String> options,
                            String checkpointStorage, String view) {
        public JobRecord {
            requireNonNull(id, "id is null");
            requireNonNull(owner, "owner is null");
            requireNonNull(statement, "statement is null");
            options = Map.copyOf(options);
            requireNonNull(checkpointStorage, "checkpointStorage is null");
        }
    }

    /** The catalog statements as they are kept. */
    record CatalogLog(int formatVersion, List<String> statements) {
    }

    private final Path directory;
    private final List<String> catalog;
    /** True while the kept catalog statements run again: they are kept already. */
    private volatile boolean replaying;

    private JobStore(Path directory, List<String> catalog) {
        this.directory = directory;
        this.catalog = catalog;
    }

    /**
     * Opens the store in a data directory, reading its catalog statements.
     *
     * @throws SluiceException if what it holds cannot be read or is of another format version
     */
    public static JobStore open(Path directory) {
        Path file = directory.resolve(CATALOG);
        List<String> catalog = new ArrayList<>();
        if (Files.exists(file)) {
            catalog.addAll(read(file, CatalogLog.class).statements());
        }
        return new JobStore(directory, catalog);
    }

    /** The CREATE and DROP statements run so far, in order. */
    public synchronized List<String> catalogStatements() {
        return List.copyOf(catalog);
    }

    /** Keeps a CREATE or DROP statement the server ran (not one it runs again from what it kept). */
    public synchronized void catalogChanged(String statement) {
        if (replaying) {
            return;
        }
        catalog.add(statement);
        write(directory.resolve(CATALOG), new CatalogLog(FORMAT_VERSION, catalog));
    }

    /** Runs the kept catalog statements again, which are then not kept a second time. */
    public void replay(Runnable statements) {
        replaying = true;
        try {
            statements.run();
        } finally {
            replaying = false;
        }
    }

    /** The jobs kept, oldest first. */
    public List<JobRecord> jobs() {
        List<JobRecord> jobs = new ArrayList<>();
        Path root = directory.resolve(JOBS);
        if (!Files.isDirectory(root)) {
            return jobs;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry.resolve(JOB))) {
                    jobs.add(read(entry.resolve(JOB), JobRecord.class));
                }
            }
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "cannot list the jobs in '" + root + "': " + e, e);
        }
        jobs.sort(Comparator.comparingLong(job -> Long.parseLong(job.id().substring(1))));
        return jobs;
    }

    /**
     * Keeps a job that started (or resumed), until it is stopped or finishes.
     *
     * @param view the materialized view the job keeps the rows of, or null
     */
    public void save(BackgroundJob job, Map<String, String> options, String view) {
        JobRecord record = new JobRecord(FORMAT_VERSION, job.id(), job.owner(), job.statement(), options,
                job.checkpointStorage(), view);
        Path file = directory.resolve(JOBS).resolve(job.id()).resolve(JOB);
        write(file, record);
        job.ended().thenAccept(state -> {
            if (state == JobState.FINISHED) {
                forget(job);
            }
        });
    }

    /** Forgets a job stopped with STOP JOB (or whose materialized view was dropped), or finished: its record, and its checkpoints unless its options retain them. */
    public void forget(BackgroundJob job) {
        Path jobDirectory = directory.resolve(JOBS).resolve(job.id());
        Path file = jobDirectory.resolve(JOB);
        try {
            boolean retain = Files.exists(file) && CheckpointRetention.RETAIN_ON_CANCELLATION.name().equalsIgnoreCase(
                    read(file, JobRecord.class).options().getOrDefault(CheckpointRetention.OPTION, "").trim());
            Files.deleteIfExists(file);
            Files.deleteIfExists(jobDirectory);
            if (!retain && job.checkpointDirectory().isPresent()) {
                CheckpointStorage.deleteJob(job.checkpointDirectory().get());
            }
        } catch (IOException | SluiceException e) {
            LOG.warn("job {} could not be forgotten in '{}': {}", job.id(), jobDirectory, e.toString());
        }
    }

    private static <T> T read(Path file, Class<T> type) {
        try {
            JsonNode tree = JSON.readTree(file.toFile());
            int version = tree.path("formatVersion").asInt(-1);
            if (version != FORMAT_VERSION) {
                throw new SluiceException(ErrorCode.UNSUPPORTED, "'" + file + "' has format version " + version
                        + "; this Sluice reads version " + FORMAT_VERSION);
            }
            return JSON.treeToValue(tree, type);
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "cannot read '" + file + "': " + e, e);
        }
    }

    /** Writes a file whole or not at all: to a temporary file first, then renamed over it. */
    private static void write(Path file, Object value) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".inprogress");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), value);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "cannot write '" + file + "': " + e, e);
        }
    }
}
