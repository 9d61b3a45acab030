package io.sluice.runtime.connector.file;

import io.sluice.runtime.Clock;
import io.sluice.runtime.checkpoint.CheckpointListener;
import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.connector.TwoPhaseCommitOutput;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.RecordBuffer;
import io.sluice.runtime.format.RecordEncoder;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One task's writer of part files: encodes each batch into lines, writes them to a hidden
 * in-progress file, and rolls to a new file by size and by age.
 *
 * <p>Part files are named {@code part-<job>-<task>-<run>-<n>}: {@code <job>} is made by the
 * first run of a job and kept by its checkpoints, {@code <run>} is new for each run, so that no
 * two writers ever share a name. While written, and until made visible, a part is the hidden
 * {@code .part-...-<n>.inprogress}, which the file source skips.
 *
 * <p>A job without checkpoints makes a part visible (renames it) as soon as it is closed: when it
 * rolls, when the job ends, and when the job is stopped. In a job that takes checkpoints
 * ({@link io.sluice.runtime.task.JobControl#checkpointing()}), closed parts stay hidden from the
 * first row on, before the first barrier too: a barrier closes
 * the open part, and hands every part closed since the previous barrier to the sink's
 * {@link FileCommitter}, which renames them once the checkpoint completes. A writer restored from
 * a checkpoint deletes the hidden parts of its job and task that the checkpoint does not hold,
 * which a failed run wrote after it. When the input ends, every part is made visible at once;
 * after a failure or a stop the hidden parts are left for a restore to commit or delete.
 */
final class PartFileWriter implements TwoPhaseCommitOutput, Checkpointed, CheckpointListener {
    private static final int STREAM_BUFFER = 64 << 10;
    private static final String HIDDEN_PREFIX = ".";
    private static final String IN_PROGRESS = ".inprogress";

    private final Path directory;
    private final int taskIndex;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final RecordEncoder encoder;
    private final byte[] header;
    private final long fileSize;
    private final long rolloverMillis;
    private final Clock clock;
    /** True in a job that takes checkpoints: closed parts then wait for one to commit them. */
    private final boolean checkpointing;
    private final RecordBuffer lines = new RecordBuffer(64 << 10);
    /** Parts closed since the previous barrier, hidden, in a job that takes part in checkpoints. */
    private final List<Path> closed = new ArrayList<>();
    /** Parts handed to the committer whose checkpoint is not known complete, by their barrier's checkpoint. */
    private final List<SealedPart> sealed = new ArrayList<>();

    private String job = UUID.randomUUID().toString();
    private int counter;
    private Path inProgress;
    private OutputStream out;
    private long written;
    private long openedAt;

    private record SealedPart(Path path, long checkpointId) {
    }

    PartFileWriter(Path directory, int taskIndex, RecordEncoder encoder, byte[] header, long fileSize,
            long rolloverMillis, Clock clock, boolean checkpointing) {
        this.directory = directory;
        this.taskIndex = taskIndex;
        this.encoder = encoder;
        this.header = header;
        this.fileSize = fileSize;
        this.rolloverMillis = rolloverMillis;
        this.clock = clock;
        this.checkpointing = checkpointing;
    }

    @Override
    public void emit(VectorSchemaRoot batch) {
        int rows = batch.getRowCount();
        try {
            for (int row = 0; row < rows; row++) {
                if (out == null) {
                    open();
                }
                lines.clear();
                encoder.encode(batch, row, lines);
                lines.append((byte) '\n');
                out.write(lines.bytes(), 0, lines.length());
                written += lines.length();
                if (written >= fileSize) {
                    closeFile();
                }
            }
            rollIfOld();
        } catch (IOException e) {
            throw failure("cannot write", inProgress, e);
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        try {
            rollIfOld();
        } catch (IOException e) {
            throw failure("cannot write", inProgress, e);
        }
    }

    /** Closes the open part and hands the parts closed since the previous barrier, and those not known committed, on. */
    @Override
    public byte[] prepareCommit(long checkpointId) throws IOException {
        closeFile();
        for (Path part : closed) {
            sealed.add(new SealedPart(part, checkpointId));
        }
        closed.clear();
        return sealed.isEmpty() ? new byte[0] : FileCommitter.toBytes(sealed.stream().map(SealedPart::path).toList());
    }

    @Override
    public void checkpointComplete(long checkpointId) {
        sealed.removeIf(part -> part.checkpointId() <= checkpointId);
    }

    /**
     * The job's name part, and every hidden part this checkpoint may hold: the sealed ones, the
     * closed ones and the open one (which the barrier's {@link #prepareCommit} seals, before or
     * after this call), so that a restore does not delete them.
     */
    @Override
    public void snapshotState(long checkpointId, StateWriter out) throws IOException {
        List<Object> kept = new ArrayList<>();
        sealed.forEach(part -> kept.add(part.path().getFileName().toString()));
        closed.forEach(part -> kept.add(part.getFileName().toString()));
        if (inProgress != null) {
            kept.add(inProgress.getFileName().toString());
        }
        out.writeValue(job);
        out.writeValue(kept);
    }

    /** Takes the job's name part, and deletes the hidden parts of this job and task the checkpoint does not hold. */
    @Override
    public void restoreState(StateReader in) throws IOException {
        job = (String) in.readValue();
        Set<String> kept = new HashSet<>();
        for (Object name : (List<?>) in.readValue()) {
            kept.add((String) name);
        }
        String mine = HIDDEN_PREFIX + "part-" + job + "-" + taskIndex + "-";
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(directory, mine + "*" + IN_PROGRESS)) {
            for (Path part : parts) {
                if (!kept.contains(part.getFileName().toString())) {
                    Files.deleteIfExists(part);
                }
            }
        }
    }

    /** The input has ended: every part is made visible, as no later checkpoint will commit them. */
    @Override
    public void finish() {
        try {
            closeFile();
            for (Path part : closed) {
                FileCommitter.publish(part);
            }
            closed.clear();
            for (SealedPart part : sealed) {
                FileCommitter.publish(part.path());
            }
            sealed.clear();
        } catch (IOException e) {
            throw failure("cannot finish", inProgress, e);
        }
    }

    /**
     * After a stop or a failure: without checkpoints what was written is kept in a visible
     * file; with them, the parts stay hidden for the restore to commit or delete.
     */
    @Override
    public void close() {
        try {
            closeFile();
        } catch (IOException e) {
            throw failure("cannot finish", inProgress, e);
        }
    }

    private void rollIfOld() throws IOException {
        if (out != null && clock.millis() - openedAt >= rolloverMillis) {
            closeFile();
        }
    }

    private void open() throws IOException {
        String name = "part-" + job + "-" + taskIndex + "-" + run + "-" + counter++;
        inProgress = directory.resolve(HIDDEN_PREFIX + name + IN_PROGRESS);
        out = new BufferedOutputStream(Files.newOutputStream(inProgress), STREAM_BUFFER);
        written = 0;
        openedAt = clock.millis();
        if (header != null) {
            out.write(header);
            out.write('\n');
            written += header.length + 1;
        }
    }

    private void closeFile() throws IOException {
        if (out == null) {
            return;
        }
        OutputStream closing = out;
        out = null;
        closing.close();
        if (checkpointing) {
            closed.add(inProgress);
        } else {
            FileCommitter.publish(inProgress);
        }
        inProgress = null;
    }

    private static SluiceException failure(String what, Path path, IOException e) {
        return new SluiceException(ErrorCode.IO_ERROR, what + " the file '" + path + "': " + e.getMessage(), e);
    }
}
