package io.sluice.engine.values;

import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;

import io.sluice.runtime.checkpoint.Checkpointed;
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
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.task.TaskContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The test source: rows and watermarks appended by a test, in order, then read by one task.
 * Rows are text in the CSV format with {@code |} between fields and {@code NULL} for null, so a
 * test writes {@code 2026-01-01 00:00:01.000|a|1}. A watermark ends the batch before it, so rows
 * after it reach operators after it. With {@code 'changelog' = 'true'} the table is a retract
 * changelog and each row starts with its kind: {@code +I|a|1}, {@code -U|a|1}, {@code +U|a|2},
 * {@code -D|a|2}. With {@code 'bounded' = 'false'} the source does not end after its rows but
 * waits for more (which never come), as a topic would. It replays: its reader's position is the
 * index of the next event.
 */
public final class ValuesSource implements Source {
    private final String table;
    private final DecoderFactory decoders;
    private final List<Object> events = new ArrayList<>();
    private final boolean changelog;
    private final boolean bounded;

    ValuesSource(SourceContext context) {
        this.table = context.tableName();
        this.changelog = context.options().getBoolean("changelog", false);
        this.bounded = context.options().getBoolean("bounded", true);
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
        return bounded;
    }

    @Override
    public boolean canReplay() {
        return true;
    }

    @Override
    public ChangelogMode changelogMode() {
        return changelog ? ChangelogMode.RETRACT : ChangelogMode.INSERT_ONLY;
    }

    @Override
    public int maxParallelism() {
        return 1;
    }

    @Override
    public SourceReader createReader(TaskContext context, ReadMode mode) {
        List<Object> recorded = context.taskIndex() == 0 ? snapshot() : List.of();
        return new Reader() {
            private int next;
            private long watermark = Watermarks.NONE;
            private RecordDecoder decoder;

            @Override
            public int read(VectorSchemaRoot batch) {
                if (decoder == null) {
                    decoder = decoders.create(batch);
                }
                if (next >= recorded.size()) {
                    if (bounded) {
                        return END;
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
                    batch.setRowCount(0);
                    return 0;
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
                    String line = (String) event;
                    RowKind kind = RowKind.INSERT;
                    if (changelog) {
                        kind = RowKind.ofShortString(line.substring(0, Math.min(2, line.length())));
                        if (kind == null) {
                            throw new IllegalArgumentException("a changelog row starts with +I|, -U|, +U| or -D|: " + line);
                        }
                        line = line.substring(3);
                    }
                    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                    String problem = decoder.decode(bytes, 0, bytes.length, rows);
                    next++;
                    if (problem == null) {
                        if (changelog) {
                            RowKinds.set(RowKinds.of(batch), rows, kind);
                        }
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
            public void snapshotState(long checkpointId, StateWriter out) throws IOException {
                out.writeInt(next);
                out.writeLong(watermark);
            }

            @Override
            public void restoreState(StateReader in) throws IOException {
                next = in.readInt();
                watermark = in.readLong();
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

    private interface Reader extends SourceReader, Checkpointed {
    }
}
