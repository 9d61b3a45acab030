package io.sluice.runtime.connector.file;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.DecoderFactory;
import io.sluice.runtime.format.RecordDecoder;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Reads the lines of one task's splits, in order, decoding each into the batch.
 *
 * <p>A checkpoint keeps what is left to read: the rest of the split being read, from the offset
 * after its last line read, and the splits not yet opened, each with the file's size when the
 * splits were planned. A reader restored from it reads exactly those ranges, so the files are
 * read as they were when the first run started: files that appeared since are not read, and a
 * file found shorter is an error naming it.
 */
final class FileSourceReader implements SourceReader, Checkpointed {
    /** Most bytes of a malformed line decoded for its example; the metrics shorten it further. */
    private static final int EXAMPLE_BYTES = 1024;

    private List<FileSplit> splits;
    private final DecoderFactory decoders;
    private final QueryMetrics metrics;
    private final int batchSize;
    private final int bufferSize;
    private final int maxLineBytes;

    private VectorSchemaRoot target;
    private RecordDecoder decoder;
    private int nextSplit;
    private FileSplit split;
    private LineReader lines;

    FileSourceReader(List<FileSplit> splits, DecoderFactory decoders, QueryMetrics metrics, int batchSize,
            int bufferSize, int maxLineBytes) {
        this.splits = List.copyOf(requireNonNull(splits, "splits is null"));
        this.decoders = requireNonNull(decoders, "decoders is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.batchSize = batchSize;
        this.bufferSize = bufferSize;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public int read(VectorSchemaRoot batch) {
        if (batch != target) {
            target = batch;
            decoder = decoders.create(batch);
        }
        try {
            int row = 0;
            // A record of a changelog format may make two rows: the batch keeps room for them.
            int room = batchSize - decoder.maxRowsPerRecord() + 1;
            while ((row == 0 || row < room) && (lines != null || openNextSplit())) {
                if (!lines.next()) {
                    closeSplit();
                    continue;
                }
                byte[] bytes = lines.buffer();
                int start = lines.lineStart();
                int length = lines.lineLength();
                if (lines.isTruncated()) {
                    reportMalformed("line longer than " + maxLineBytes + " bytes", bytes, start, length);
                } else if (decoder.isRecord(bytes, start, length)) {
                    String problem = decoder.decode(bytes, start, length, row);
                    if (problem == null) {
                        row += decoder.rowsDecoded();
                    } else {
                        reportMalformed(problem, bytes, start, length);
                    }
                }
            }
            batch.setRowCount(row);
            return row == 0 && lines == null ? END : row;
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "cannot read file '" + split.path() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            closeSplit();
        } catch (IOException e) {
            throw new SluiceException(ErrorCode.IO_ERROR, "cannot close file '" + split.path() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void snapshotState(long checkpointId, StateWriter out) throws IOException {
        List<FileSplit> left = new ArrayList<>();
        if (lines != null && lines.resumeOffset() < split.end()) {
            left.add(new FileSplit(split.path(), lines.resumeOffset(), split.end(), split.fileSize()));
        }
        left.addAll(splits.subList(nextSplit, splits.size()));
        out.writeInt(left.size());
        for (FileSplit remaining : left) {
            out.writeValue(remaining.path().toString());
            out.writeLong(remaining.start());
            out.writeLong(remaining.end());
            out.writeLong(remaining.fileSize());
        }
    }

    /** Called before the first read: the splits left in the checkpoint replace the ones planned now. */
    @Override
    public void restoreState(StateReader in) throws IOException {
        int count = in.readInt();
        List<FileSplit> left = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Path path = Path.of((String) in.readValue());
            left.add(new FileSplit(path, in.readLong(), in.readLong(), in.readLong()));
        }
        closeSplit();
        splits = List.copyOf(left);
        nextSplit = 0;
    }

    /** Opens the next split, skipping a header line at the start of a file; false if none is left. */
    private boolean openNextSplit() throws IOException {
        if (nextSplit == splits.size()) {
            return false;
        }
        split = splits.get(nextSplit++);
        lines = new LineReader(split, bufferSize, maxLineBytes);
        if (split.start() == 0 && decoders.hasHeaderLine()) {
            lines.next();
        }
        return true;
    }

    private void closeSplit() throws IOException {
        if (lines != null) {
            LineReader closing = lines;
            lines = null;
            closing.close();
        }
    }

    private void reportMalformed(String problem, byte[] bytes, int start, int length) throws IOException {
        String text = new String(bytes, start, Math.min(length, EXAMPLE_BYTES), StandardCharsets.UTF_8);
        metrics.reportMalformed(split.path() + " line " + lines.lineNumber(), problem, text);
    }
}
