package io.sluice.runtime.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.format.text.TimestampFormatter;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.Watermarks;
import io.sluice.runtime.testing.Rows;
import io.sluice.runtime.testing.TestTasks;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Drives one window aggregation operator by hand: batches of {@code (ts, k VARCHAR, v BIGINT)}
 * rows, each call one batch; watermarks between them; the results, {@code start|end|k|count|sum},
 * collected as text, each watermark as {@code watermark <time>}. Times are seconds from midnight.
 */
final class WindowHarness implements AutoCloseable {
    static final Schema INPUT = new Schema(List.of(
            Field.nullable("ts", new ArrowType.Timestamp(TimeUnit.MILLISECOND, null)),
            Field.nullable("k", ArrowType.Utf8.INSTANCE),
            Field.nullable("v", new ArrowType.Int(64, true))));
    private static final Schema OUTPUT = new Schema(List.of(
            Field.nullable("window_start", new ArrowType.Timestamp(TimeUnit.MILLISECOND, null)),
            Field.nullable("window_end", new ArrowType.Timestamp(TimeUnit.MILLISECOND, null)),
            Field.nullable("k", ArrowType.Utf8.INSTANCE),
            new Field("count", FieldType.notNullable(new ArrowType.Int(64, true)), null),
            new Field("sum", FieldType.notNullable(new ArrowType.Int(64, true)), null)));
    /** 2026-01-01 00:00:00 in epoch milliseconds. */
    static final long MIDNIGHT = 1_767_225_600_000L;

    private final RootAllocator root = new RootAllocator();
    private final BufferAllocator query;
    private final QueryMetrics metrics = new QueryMetrics();
    private final List<String> output = new ArrayList<>();
    private final Operator operator;

    /** Keyed by {@code k}, unless {@code keyed} is false; GLOBAL results have no window bounds. */
    WindowHarness(WindowSpec window, boolean keyed) {
        query = root.newChildAllocator("query", 0, Long.MAX_VALUE);
        List<GroupOutput> groups = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        if (window.kind() != WindowKind.GLOBAL) {
            groups.add(GroupOutput.window(GroupOutput.Kind.WINDOW_START));
            groups.add(GroupOutput.window(GroupOutput.Kind.WINDOW_END));
            fields.addAll(OUTPUT.getFields().subList(0, 2));
        }
        if (keyed) {
            groups.add(GroupOutput.key(0));
            fields.add(OUTPUT.getFields().get(2));
        }
        fields.addAll(OUTPUT.getFields().subList(3, 5));
        Schema schema = new Schema(fields);
        WindowAggregateOperatorFactory factory = new WindowAggregateOperatorFactory(window, 0,
                keyed ? new int[] {1} : new int[0], groups, CountSumKernel.class, List.of(), INPUT, schema);
        operator = factory.create(TestTasks.context(query, metrics, 0, 1, 1024), new Output() {
            @Override
            public void emit(VectorSchemaRoot batch) {
                output.addAll(Rows.of(batch));
            }

            @Override
            public void emitWatermark(long watermark) {
                output.add("watermark " + (watermark == Watermarks.END ? "end" : TimestampFormatter.format(watermark)));
            }

            @Override
            public void finish() {
                output.add("end");
            }
        });
    }

    /** One batch of rows, each {@code {seconds, key, value}}; a null second is a NULL time. */
    WindowHarness batch(Object[]... rows) {
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(INPUT, query)) {
            TimeStampMilliVector times = (TimeStampMilliVector) batch.getVector(0);
            VarCharVector keys = (VarCharVector) batch.getVector(1);
            BigIntVector values = (BigIntVector) batch.getVector(2);
            for (int row = 0; row < rows.length; row++) {
                if (rows[row][0] == null) {
                    times.setNull(row);
                } else {
                    times.setSafe(row, millis(((Number) rows[row][0]).doubleValue()));
                }
                if (rows[row][1] == null) {
                    keys.setNull(row);
                } else {
                    keys.setSafe(row, rows[row][1].toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                values.setSafe(row, ((Number) rows[row][2]).longValue());
            }
            batch.setRowCount(rows.length);
            operator.process(batch);
        }
        return this;
    }

    WindowHarness watermark(double seconds) {
        operator.processWatermark(millis(seconds));
        return this;
    }

    /** The end of the input: the watermark goes to the end of time, then the operator finishes. */
    WindowHarness end() {
        operator.processWatermark(Watermarks.END);
        operator.finish();
        return this;
    }

    /** The output so far, and forgets it. */
    List<String> output() {
        List<String> copy = List.copyOf(output);
        output.clear();
        return copy;
    }

    QueryMetrics metrics() {
        return metrics;
    }

    /** The bytes the operator holds now, its state's charge included. */
    long allocated() {
        return query.getAllocatedMemory();
    }

    static Object[] row(Object seconds, String key, long value) {
        return new Object[] {seconds, key, value};
    }

    static long millis(double seconds) {
        return MIDNIGHT + Math.round(seconds * 1000);
    }

    /** {@code 2026-01-01 00:00:SS.SSS} for a number of seconds. */
    static String at(double seconds) {
        return TimestampFormatter.format(millis(seconds));
    }

    @Override
    public void close() {
        operator.close();
        query.close();
        assertEquals(0, root.getAllocatedMemory());
        root.close();
    }
}
