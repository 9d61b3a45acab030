package io.sluice.runtime.connector;

import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.testing.Rows;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Drives a replayable source's readers as a checkpointed job does: read some batches, snapshot
 * the reader's position into bytes, close it, and resume a fresh reader from those bytes.
 */
public final class ResumedReads {
    private ResumedReads() {
    }

    /** The rows of up to {@code batches} non-empty batches, fewer if the reader ends first. */
    public static List<String> read(SourceReader reader, VectorSchemaRoot root, int batches) {
        List<String> rows = new ArrayList<>();
        for (int read = 0; read < batches; ) {
            int count = reader.read(root);
            if (count == SourceReader.END) {
                break;
            }
            if (count > 0) {
                rows.addAll(Rows.of(root));
                read++;
            }
        }
        return rows;
    }

    /** Every row left, to the reader's end. */
    public static List<String> readToEnd(SourceReader reader, VectorSchemaRoot root) {
        return read(reader, root, Integer.MAX_VALUE);
    }

    /**
     * Reads {@code batches} batches with a reader, snapshots it and closes it, then restores a
     * fresh reader from the snapshot and reads it to the end: the rows of both.
     */
    public static List<String> readResumed(Supplier<SourceReader> readers, Supplier<VectorSchemaRoot> roots,
                                           int batches) {
        List<String> rows = new ArrayList<>();
        byte[] state;
        try (VectorSchemaRoot root = roots.get(); SourceReader first = readers.get()) {
            rows.addAll(read(first, root, batches));
            state = snapshot(first, 1);
        }
        try (VectorSchemaRoot root = roots.get(); SourceReader resumed = readers.get()) {
            restore(resumed, state);
            rows.addAll(readToEnd(resumed, root));
        }
        return rows;
    }

    public static byte[] snapshot(SourceReader reader, long checkpointId) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StateWriter out = new StateWriter(bytes)) {
            ((Checkpointed) reader).snapshotState(checkpointId, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static void restore(SourceReader reader, byte[] state) {
        try {
            ((Checkpointed) reader).restoreState(new StateReader(new ByteArrayInputStream(state)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
