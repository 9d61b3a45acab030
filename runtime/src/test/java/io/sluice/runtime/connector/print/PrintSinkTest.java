package io.sluice.runtime.connector.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.connector.SinkContext;
import io.sluice.runtime.format.FormatRegistry;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.testing.TestTasks;
import io.sluice.runtime.vector.ColumnTypes;
import io.sluice.runtime.vector.VectorValues;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class PrintSinkTest {
    private static final Schema SCHEMA = new Schema(List.of(Field.nullable("k", ColumnTypes.VARCHAR),
            Field.nullable("ts", ColumnTypes.TIMESTAMP)));

    @Test
    void linesCarryTheIdentifierAndTheTaskWhenSeveralTasksWrite() {
        assertEquals("dbg:2> +I[a, 1970-01-01 00:00:01.000]\ndbg:2> +I[null, null]\n",
                print(Map.of("print-identifier", "dbg"), 1, 2));
        assertEquals("dbg> +I[a, 1970-01-01 00:00:01.000]\ndbg> +I[null, null]\n",
                print(Map.of("print-identifier", "dbg"), 0, 1));
        assertEquals("1> +I[a, 1970-01-01 00:00:01.000]\n1> +I[null, null]\n", print(Map.of(), 0, 3));
        assertEquals("+I[a, 1970-01-01 00:00:01.000]\n+I[null, null]\n", print(Map.of(), 0, 1));
    }

    @Test
    void standardErrorIsAnOption() {
        assertEquals("", print(Map.of("standard-error", "true"), 0, 1));
    }

    @Test
    void aChangelogIsPrintedWithEachRowsKind() {
        assertEquals("dbg> -U[a, 1970-01-01 00:00:01.000]\ndbg> -D[null, null]\n",
                print(Map.of("print-identifier", "dbg"), 0, 1, RowKind.UPDATE_BEFORE, RowKind.DELETE));
        assertEquals("+U[a, 1970-01-01 00:00:01.000]\n+I[null, null]\n",
                print(Map.of(), 0, 1, RowKind.UPDATE_AFTER, RowKind.INSERT));
    }

    /** Prints two rows; with {@code kinds}, as a changelog batch whose rows have those kinds. */
    private static String print(Map<String, String> options, int task, int parallelism, RowKind... kinds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream discarded = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Sink sink = new PrintSinkFactory(() -> stream, () -> discarded).create(new SinkContext("t", SCHEMA, List.of(),
                new ConnectorOptions("print", options), new FormatRegistry(List.of())));
        assertEquals(ChangelogMode.RETRACT, sink.acceptedChangelog());
        try (RootAllocator allocator = new RootAllocator();
             VectorSchemaRoot batch = VectorSchemaRoot.create(kinds.length == 0 ? SCHEMA : RowKinds.withRowKind(SCHEMA),
                     allocator)) {
            batch.allocateNew();
            VectorValues.set(batch.getVector(0), 0, "a");
            VectorValues.set(batch.getVector(1), 0, 1000L);
            VectorValues.set(batch.getVector(0), 1, null);
            VectorValues.set(batch.getVector(1), 1, null);
            for (int row = 0; row < kinds.length; row++) {
                RowKinds.set(RowKinds.of(batch), row, kinds[row]);
            }
            batch.setRowCount(2);
            try (Output output = sink.createOutput(TestTasks.context(allocator, new QueryMetrics(), task, parallelism,
                    16))) {
                output.emit(batch);
                output.finish();
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
