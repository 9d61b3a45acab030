package io.sluice.runtime.connector.print;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.format.RecordBuffer;
import io.sluice.runtime.format.text.ColumnKind;
import io.sluice.runtime.format.text.TextColumnReader;
import io.sluice.runtime.format.text.TimestampFormat;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.vector.ColumnViews;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Prints rows as lines (see {@link PrintSinkFactory}); each batch goes out in one write. */
final class PrintSink implements Sink {
    /** {@code +I[}, {@code -U[}, {@code +U[}, {@code -D[}, by row-kind code. */
    private static final byte[][] KINDS = Arrays.stream(RowKind.values())
            .map(kind -> (kind.shortString() + "[").getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    private static final byte[] SEPARATOR = ", ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private final String identifier;
    private final Supplier<PrintStream> stream;
    private final List<ColumnKind> kinds;

    PrintSink(String identifier, Supplier<PrintStream> stream, List<ColumnKind> kinds) {
        this.identifier = requireNonNull(identifier, "identifier is null");
        this.stream = requireNonNull(stream, "stream is null");
        this.kinds = List.copyOf(requireNonNull(kinds, "kinds is null"));
    }

    @Override
    public Output createOutput(TaskContext context) {
        String prefix = prefix(context);
        byte[] prefixBytes = prefix.getBytes(StandardCharsets.UTF_8);
        PrintStream out = stream.get();
        TextColumnReader reader = new TextColumnReader(kinds, TimestampFormat.SQL);
        RecordBuffer lines = new RecordBuffer(4096);
        return new Output() {
            @Override
            public void emit(VectorSchemaRoot batch) {
                TinyIntVector rowKinds = RowKinds.carried(batch) ? RowKinds.of(batch) : null;
                reader.bind(rowKinds == null ? batch : ColumnViews.leading(batch, kinds.size()));
                lines.clear();
                for (int row = 0; row < batch.getRowCount(); row++) {
                    lines.append(prefixBytes).append(KINDS[rowKinds == null ? RowKind.INSERT.code() : rowKinds.get(row)]);
                    for (int c = 0; c < reader.columnCount(); c++) {
                        if (c > 0) {
                            lines.append(SEPARATOR);
                        }
                        if (reader.isNull(c, row)) {
                            lines.append(NULL);
                        } else {
                            reader.append(c, row, lines);
                        }
                    }
                    lines.append((byte) ']').append((byte) '\n');
                }
                out.write(lines.bytes(), 0, lines.length());
            }

            @Override
            public void emitWatermark(long watermark) {
            }

            @Override
            public void finish() {
                out.flush();
            }

            @Override
            public void close() {
                out.flush();
            }
        };
    }

    private String prefix(TaskContext context) {
        boolean parallel = context.parallelism() > 1;
        if (identifier.isEmpty()) {
            return parallel ? (context.taskIndex() + 1) + "> " : "";
        }
        return parallel ? identifier + ":" + (context.taskIndex() + 1) + "> " : identifier + "> ";
    }

    /** Every change is printed with its kind, as Flink's print connector does. */
    @Override
    public ChangelogMode acceptedChangelog() {
        return ChangelogMode.RETRACT;
    }

    @Override
    public String describe() {
        return "print(" + (identifier.isEmpty() ? "" : "identifier=" + identifier) + ")";
    }
}
