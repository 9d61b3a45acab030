package io.sluice.runtime.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.testing.Rows;
import io.sluice.runtime.testing.TestTasks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * The local step of a two-phase aggregation, driven batch by batch: {@code COUNT(*)} and
 * {@code SUM(v)} of {@code (k, v)} rows by k, one partial row per key per batch.
 */
class LocalGroupAggregateOperatorTest {
    private static final Schema PARTIALS = new Schema(List.of(
            Field.nullable("k", ArrowType.Utf8.INSTANCE),
            new Field("count", FieldType.notNullable(new ArrowType.Int(64, true)), null),
            Field.nullable("sum", new ArrowType.Int(64, true))));

    private final RootAllocator root = new RootAllocator();
    private final List<String> output = new ArrayList<>();

    @Test
    void eachBatchBecomesOnePartialRowPerKeyAndIsThenForgotten() {
        try (BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE)) {
            Operator operator = new LocalGroupAggregateOperatorFactory(new int[] {0}, RetractingCountSumKernel.class,
                    List.of(), GroupAggregateHarness.ROWS, PARTIALS)
                    .create(TestTasks.context(query, new QueryMetrics(), 0, 1, 1024), collecting());
            // a: 1 + 3 + NULL over three rows, b: 2; in the order of each key's first row.
            batch(operator, query, new Object[][] {{"a", 1L}, {"b", 2L}, {"a", 3L}, {"a", null}});
            assertEquals(List.of("a|3|4", "b|1|2", "batch"), drain());
            // The next batch starts from nothing: a's partial holds its one row only.
            batch(operator, query, new Object[][] {{"a", 5L}});
            operator.processWatermark(7);
            assertEquals(List.of("a|1|5", "batch", "watermark 7"), drain());
            // A key whose values are all NULL sums to NULL.
            batch(operator, query, new Object[][] {{"c", null}, {"b", 4L}, {"c", null}});
            operator.finish();
            assertEquals(List.of("c|2|NULL", "b|1|4", "batch", "end"), drain());
            operator.close();
        }
        assertEquals(0, root.getAllocatedMemory());
        root.close();
    }

    private static void batch(Operator operator, BufferAllocator allocator, Object[][] rows) {
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(GroupAggregateHarness.ROWS, allocator)) {
            VarCharVector keys = (VarCharVector) batch.getVector(0);
            BigIntVector values = (BigIntVector) batch.getVector(1);
            for (int row = 0; row < rows.length; row++) {
                keys.setSafe(row, rows[row][0].toString().getBytes(StandardCharsets.UTF_8));
                if (rows[row][1] == null) {
                    values.setNull(row);
                } else {
                    values.setSafe(row, (Long) rows[row][1]);
                }
            }
            batch.setRowCount(rows.length);
            operator.process(batch);
        }
    }

    private Output collecting() {
        return new Output() {
            @Override
            public void emit(VectorSchemaRoot batch) {
                for (int row = 0; row < batch.getRowCount(); row++) {
                    output.add(Rows.row(batch, row));
                }
                output.add("batch");
            }

            @Override
            public void emitWatermark(long watermark) {
                output.add("watermark " + watermark);
            }

            @Override
            public void finish() {
                output.add("end");
            }
        };
    }

    private List<String> drain() {
        List<String> copy = List.copyOf(output);
        output.clear();
        return copy;
    }
}
