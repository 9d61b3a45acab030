package io.sluice.runtime.connector.file;

import io.sluice.runtime.Clock;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.RecordBuffer;
import io.sluice.runtime.format.RecordEncoder;
import io.sluice.runtime.operator.Output;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One task's writer of part files: encodes each batch into lines, writes them to the in-progress
 * file, and rolls to a new file by size and by age. A part file becomes visible (renamed to its
 * final name) only when closed.
 */
final class PartFileWriter implements Output {
    private static final int STREAM_BUFFER = 64 << 10;

    private final Path directory;
    private final String prefix;
    private final RecordEncoder encoder;
    private final byte[] header;
    private final long fileSize;
    private final long rolloverMillis;
    private final Clock clock;
    private final RecordBuffer lines = new RecordBuffer(64 << 10);

    private int counter;
    private Path inProgress;
    private Path finished;
    private OutputStream out;
    private long written;
    private long openedAt;

    PartFileWriter(Path directory, String prefix, RecordEncoder encoder, byte[] header, long fileSize,
            long rolloverMillis, Clock clock) {
        this.directory = directory;
        this.prefix = prefix;
        this.encoder = encoder;
        this.header = header;
        this.fileSize = fileSize;
        this.rolloverMillis = rolloverMillis;
        this.clock = clock;
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

    @Override
    public void finish() {
        try {
            closeFile();
        } catch (IOException e) {
            throw failure("cannot finish", inProgress, e);
        }
    }

    /** After a stop or a failure too: what was written is kept in a finished file. */
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
        String name = prefix + counter++;
        inProgress = directory.resolve("." + name + ".inprogress");
        finished = directory.resolve(name);
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
        Files.move(inProgress, finished, StandardCopyOption.ATOMIC_MOVE);
    }

    private static SluiceException failure(String what, Path path, IOException e) {
        return new SluiceException(ErrorCode.IO_ERROR, what + " the file '" + path + "': " + e.getMessage(), e);
    }
}
