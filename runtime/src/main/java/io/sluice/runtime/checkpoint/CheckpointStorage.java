package io.sluice.runtime.checkpoint;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The on-disk layout of a job's checkpoints: {@code <job directory>/chk-<id>/} holds one file per
 * task ({@code task-<pipeline number>-<task index>}: each part's id and bytes), the sinks'
 * prepared commits ({@code _committables}) and, written last by an atomic rename,
 * {@code _metadata} (JSON, see {@link CheckpointMetadata}). A checkpoint is complete iff its
 * {@code _metadata} exists.
 */
public final class CheckpointStorage {
    public static final String METADATA = "_metadata";
    public static final String COMMITTABLES = "_committables";
    private static final String PREFIX = "chk-";
    private static final int TASK_FILE_MAGIC = 0x534C5431;
    private static final int COMMITTABLES_MAGIC = 0x534C4331;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private CheckpointStorage() {
    }

    public static Path directoryOf(Path jobDirectory, long checkpointId) {
        return jobDirectory.resolve(PREFIX + checkpointId);
    }

    /**
     * Writes a checkpoint; returns the bytes written. The task files' names are in the
     * metadata's tasks, each task's parts in {@code snapshots} under the same key.
     */
    static long write(Path directory, CheckpointMetadata metadata, Map<String, TaskSnapshot> snapshots,
                      Map<String, List<byte[]>> committables) throws IOException {
        Files.createDirectories(directory);
        long bytes = 0;
        for (CheckpointMetadata.Task task : metadata.tasks()) {
            TaskSnapshot snapshot = snapshots.get(task.file());
            if (snapshot.finished()) {
                continue;
            }
            try (DataOutputStream out = data(Files.newOutputStream(directory.resolve(task.file())))) {
                out.writeInt(TASK_FILE_MAGIC);
                out.writeInt(snapshot.parts().size());
                for (PartSnapshot part : snapshot.parts()) {
                    out.writeUTF(part.id());
                    out.writeInt(part.state().length);
                    out.write(part.state());
                    bytes += part.state().length;
                }
            }
        }
        if (metadata.committables() != null) {
            try (DataOutputStream out = data(Files.newOutputStream(directory.resolve(metadata.committables())))) {
                out.writeInt(COMMITTABLES_MAGIC);
                out.writeInt(committables.size());
                for (Map.Entry<String, List<byte[]>> sink : committables.entrySet()) {
                    out.writeUTF(sink.getKey());
                    out.writeInt(sink.getValue().size());
                    for (byte[] committable : sink.getValue()) {
                        out.writeInt(committable.length);
                        out.write(committable);
                        bytes += committable.length;
                    }
                }
            }
        }
        Path temporary = directory.resolve(METADATA + ".inprogress");
        JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), metadata);
        try {
            Files.move(temporary, directory.resolve(METADATA), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, directory.resolve(METADATA), StandardCopyOption.REPLACE_EXISTING);
        }
        return bytes;
    }

    /** The ids of the complete checkpoints under a job directory, oldest first. */
    public static List<Long> completed(Path jobDirectory) throws IOException {
        List<Long> ids = new ArrayList<>();
        for (Map.Entry<Long, Path> entry : checkpointDirectories(jobDirectory).entrySet()) {
            if (Files.exists(entry.getValue().resolve(METADATA))) {
                ids.add(entry.getKey());
            }
        }
        return ids;
    }

    /**
     * The complete checkpoint to resume from when a user names a directory: the directory itself
     * if it is a complete {@code chk-<id>}, else the newest complete checkpoint (by when its
     * {@code _metadata} was written) of the job directories in it or of the job directory it is.
     */
    public static Optional<Path> newestCompleted(Path directory) throws IOException {
        if (Files.exists(directory.resolve(METADATA))) {
            return Optional.of(directory);
        }
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        List<Path> jobDirectories = new ArrayList<>(List.of(directory));
        try (Stream<Path> children = Files.list(directory)) {
            children.filter(Files::isDirectory).forEach(jobDirectories::add);
        }
        Path newest = null;
        FileTime newestTime = null;
        for (Path jobDirectory : jobDirectories) {
            for (long id : completed(jobDirectory)) {
                Path checkpoint = directoryOf(jobDirectory, id);
                FileTime written = Files.getLastModifiedTime(checkpoint.resolve(METADATA));
                if (newestTime == null || written.compareTo(newestTime) > 0) {
                    newest = checkpoint;
                    newestTime = written;
                }
            }
        }
        return Optional.ofNullable(newest);
    }

    /** The highest id of any checkpoint directory, complete or not, under a job directory; 0 if none. */
    public static long highestId(Path jobDirectory) throws IOException {
        return checkpointDirectories(jobDirectory).keySet().stream().max(Comparator.naturalOrder()).orElse(0L);
    }

    /**
     * Keeps the {@code retained} newest complete checkpoints and deletes every other checkpoint
     * directory older than the newest complete one (older ones, and the remains of aborted ones).
     */
    static void retain(Path jobDirectory, int retained) throws IOException {
        List<Long> complete = completed(jobDirectory);
        if (complete.isEmpty()) {
            return;
        }
        long newest = complete.get(complete.size() - 1);
        List<Long> kept = complete.subList(Math.max(0, complete.size() - retained), complete.size());
        for (Map.Entry<Long, Path> entry : checkpointDirectories(jobDirectory).entrySet()) {
            if (entry.getKey() < newest && !kept.contains(entry.getKey())) {
                deleteRecursively(entry.getValue());
            }
        }
    }

    /**
     * Reads a complete checkpoint from its {@code chk-<id>} directory.
     *
     * @throws SluiceException if it is not a complete checkpoint, or of another format version
     */
    public static CompletedCheckpoint read(Path directory) {
        Path metadataFile = directory.resolve(METADATA);
        if (!Files.isRegularFile(metadataFile)) {
            throw new SluiceException(ErrorCode.IO_ERROR, "'" + directory + "' is not a complete checkpoint: it has no "
                    + METADATA + " file");
        }
        try {
            JsonNode tree = JSON.readTree(metadataFile.toFile());
            int version = tree.path("formatVersion").asInt(-1);
            if (version != CheckpointMetadata.FORMAT_VERSION) {
                throw new SluiceException(ErrorCode.UNSUPPORTED, "the checkpoint '" + directory + "' has format version "
                        + version + "; this Sluice reads version " + CheckpointMetadata.FORMAT_VERSION);
            }
            CheckpointMetadata metadata = JSON.treeToValue(tree, CheckpointMetadata.class);
            Map<TaskId, CompletedCheckpoint.TaskState> tasks = new HashMap<>();
            for (CheckpointMetadata.Task task : metadata.tasks()) {
                Map<String, byte[]> parts = task.finished() ? Map.of() : readTask(directory.resolve(task.file()));
                tasks.put(new TaskId(task.pipeline(), task.index()), new CompletedCheckpoint.TaskState(parts,
                        task.finished()));
            }
            Map<String, List<byte[]>> committables = metadata.committables() == null ? Map.of()
                    : readCommittables(directory.resolve(metadata.committables()));
            return new CompletedCheckpoint(directory, metadata, tasks, committables);
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "cannot read the checkpoint '" + directory + "': " + e, e);
        }
    }

    private static Map<String, byte[]> readTask(Path file) throws IOException {
        try (DataInputStream in = data(Files.newInputStream(file))) {
            expect(in, TASK_FILE_MAGIC, file);
            int count = in.readInt();
            Map<String, byte[]> parts = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String id = in.readUTF();
                byte[] state = new byte[in.readInt()];
                in.readFully(state);
                parts.put(id, state);
            }
            return parts;
        }
    }

    private static Map<String, List<byte[]>> readCommittables(Path file) throws IOException {
        try (DataInputStream in = data(Files.newInputStream(file))) {
            expect(in, COMMITTABLES_MAGIC, file);
            int sinks = in.readInt();
            Map<String, List<byte[]>> committables = new LinkedHashMap<>();
            for (int i = 0; i < sinks; i++) {
                String pipeline = in.readUTF();
                int count = in.readInt();
                List<byte[]> list = new ArrayList<>(count);
                for (int j = 0; j < count; j++) {
                    byte[] committable = new byte[in.readInt()];
                    in.readFully(committable);
                    list.add(committable);
                }
                committables.put(pipeline, list);
            }
            return committables;
        }
    }

    private static void expect(DataInputStream in, int magic, Path file) throws IOException {
        if (in.readInt() != magic) {
            throw new IOException("'" + file + "' is not a file of a Sluice checkpoint");
        }
    }

    private static Map<Long, Path> checkpointDirectories(Path jobDirectory) throws IOException {
        Map<Long, Path> directories = new java.util.TreeMap<>();
        if (!Files.isDirectory(jobDirectory)) {
            return directories;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(jobDirectory, PREFIX + "*")) {
            for (Path entry : entries) {
                try {
                    directories.put(Long.parseLong(entry.getFileName().toString().substring(PREFIX.length())), entry);
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        }
        return directories;
    }

    /** Deletes a job's directory and every checkpoint in it. */
    public static void deleteJob(Path jobDirectory) throws IOException {
        if (Files.exists(jobDirectory)) {
            deleteRecursively(jobDirectory);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.delete(path);
                } catch (NoSuchFileException e) {
                    // already gone
                }
            }
        }
    }

    private static DataOutputStream data(OutputStream out) {
        return new DataOutputStream(new BufferedOutputStream(out));
    }

    private static DataInputStream data(InputStream in) {
        return new DataInputStream(new BufferedInputStream(in));
    }
}
