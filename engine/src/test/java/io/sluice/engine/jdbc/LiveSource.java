package io.sluice.engine.jdbc;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceContext;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.format.DecoderFactory;
import io.sluice.runtime.format.FormatContext;
import io.sluice.runtime.format.RecordDecoder;
import io.sluice.runtime.task.TaskContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A stream a test feeds while queries read it: rows are text in the CSV format with {@code |}
 * between fields ({@code 2026-01-01 00:00:01.000|a|1}), appended at any time and read by every
 * running query from the start; the stream has no end until {@link #end()}. A reader with nothing
 * new waits a little for a row, so a query sees a row soon after it is added.
 */
final class LiveSource implements Source {
    private static final long WAIT_MILLIS = 20;

    private final String table;
    private final DecoderFactory decoders;
    private final List<String> rows = new ArrayList<>();
    private boolean ended;

    LiveSource(SourceContext context) {
        this.table = context.tableName();
        ConnectorOptions csv = new ConnectorOptions("live", Map.of("format", "csv", "csv.field-delimiter", "|",
                "csv.null-literal", "NULL"));
        this.decoders = context.formats().decoders(new FormatContext(table, context.schema(), csv));
    }

    synchronized void addRow(String line) {
        rows.add(line);
        notifyAll();
    }

    /** Ends the stream: queries end once they have read every row. */
    synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** The rows from {@code from} on (waiting a little if there are none yet), or null at the end. */
    private synchronized List<String> rowsFrom(int from, int max) {
        if (from >= rows.size() && !ended) {
            try {
                wait(WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (from >= rows.size()) {
            return ended ? null : List.of();
        }
        return new ArrayList<>(rows.subList(from, Math.min(rows.size(), from + max)));
    }

    @Override
    public boolean isBounded() {
        return false;
    }

    @Override
    public int maxParallelism() {
        return 1;
    }

    @Override
    public SourceReader createReader(TaskContext context, ReadMode mode) {
        boolean reads = context.taskIndex() == 0;
        return new SourceReader() {
            private int next;
            private RecordDecoder decoder;

            @Override
            public int read(VectorSchemaRoot batch) {
                List<String> available = reads ? rowsFrom(next, context.batchSize()) : null;
                if (available == null) {
                    return END;
                }
                if (decoder == null) {
                    decoder = decoders.create(batch);
                }
                int written = 0;
                for (String line : available) {
                    next++;
                    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                    String problem = decoder.decode(bytes, 0, bytes.length, written);
                    if (problem == null) {
                        written++;
                    } else {
                        context.metrics().reportMalformed(table + " row " + next, problem, line);
                    }
                }
                batch.setRowCount(written);
                return written;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String describe() {
        return "live(" + table + ")";
    }
}
