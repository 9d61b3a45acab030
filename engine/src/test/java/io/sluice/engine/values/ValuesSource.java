package io.sluice.engine.values;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceContext;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.format.DecoderFactory;
import io.sluice.runtime.format.FormatContext;
import io.sluice.runtime.format.RecordDecoder;
import io.sluice.runtime.function.Casts;
import io.sluice.runtime.operator.Watermarks;
import io.sluice.runtime.task.TaskContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The test source: rows and watermarks appended by a test, in order, then read by one task.
 * Rows are text in the CSV format with {@code |} between fields and {@code NULL} for null, so a
 * test writes {@code 2026-01-01 00:00:01.000|a|1}. A watermark ends the batch before it, so rows
 * after it reach operators after it.
 */
public final class ValuesSource implements Source {
    private final String table;
    private final DecoderFactory decoders;
    private final List<Object> events = new ArrayList<>();

    ValuesSource(SourceContext context) {
        this.table = context.tableName();
        ConnectorOptions csv = new ConnectorOptions("values", Map.of("format", "csv",
                "csv.field-delimiter", "|", "csv.null-literal", "NULL"));
        this.decoders = context.formats().decoders(new FormatContext(context.tableName(), context.schema(), csv));
    }

    /** Appends a row, as text. */
    public synchronized void addRow(String line) {
        events.add(line);
    }

    /** Appends a watermark, as {@code yyyy-MM-dd HH:mm:ss[.SSS]}. */
    public synchronized void addWatermark(String timestamp) {
        events.add(Casts.toTimestamp(timestamp));
    }

    private synchronized List<Object> snapshot() {
        return List.copyOf(events);
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public int maxParallelism() {
        return 1;
    }

    @Override
    public SourceReader createReader(TaskContext context, ReadMode mode) {
        List<Object> recorded = context.taskIndex() == 0 ? snapshot() : List.of();
        return new SourceReader() {
            private int next;
            private long watermark = Watermarks.NONE;
            private RecordDecoder decoder;

            @Override
            public int read(VectorSchemaRoot batch) {
                if (decoder == null) {
                    decoder = decoders.create(batch);
                }
                if (next >= recorded.size()) {
                    return END;
                }
                int rows = 0;
                while (next < recorded.size() && rows < context.batchSize()) {
                    Object event = recorded.get(next);
                    if (event instanceof Long mark) {
                        if (rows > 0) {
                            break;
                        }
                        watermark = Math.max(watermark, mark);
                        next++;
                        break;
                    }
                    byte[] bytes = ((String) event).getBytes(StandardCharsets.UTF_8);
                    String problem = decoder.decode(bytes, 0, bytes.length, rows);
                    next++;
                    if (problem == null) {
                        rows++;
                    } else {
                        context.metrics().reportMalformed(table + " row " + next, problem, (String) event);
                    }
                }
                batch.setRowCount(rows);
                return rows;
            }

            @Override
            public long currentWatermark() {
                return watermark;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String describe() {
        return "values(" + table + ")";
    }
}
