package io.sluice.runtime.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class BatchesTest {
    private static final Schema SCHEMA = new Schema(List.of(
            Field.nullable("id", ColumnTypes.BIGINT),
            Field.nullable("n", ColumnTypes.INT),
            Field.nullable("s", ColumnTypes.VARCHAR),
            Field.nullable("b", ColumnTypes.BOOLEAN),
            Field.nullable("d", ColumnTypes.decimal(10, 2)),
            new Field("t", FieldType.nullable(ColumnTypes.TIMESTAMP), null)));

    private static final Object[][] ROWS = {
        {1L, 10, "one", true, new BigDecimal("1.50"), 1000L},
        {2L, null, "", false, null, 2000L},
        {null, 30, null, null, new BigDecimal("-3.25"), null},
        {4L, 40, "four – ünïcode", true, new BigDecimal("4.00"), 4000L},
    };

    @Test
    void takesChosenRowsInOrderWithNulls() {
        try (RootAllocator allocator = new RootAllocator()) {
            try (VectorSchemaRoot source = batch(allocator);
                 VectorSchemaRoot taken = Batches.take(source, new int[] {3, 0, 2, 2, 1}, 5, allocator)) {
                assertEquals(List.of(row(3), row(0), row(2), row(2), row(1)), rows(taken));
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    @Test
    void copiesWholeBatches() {
        try (RootAllocator allocator = new RootAllocator()) {
            try (VectorSchemaRoot source = batch(allocator); VectorSchemaRoot copy = Batches.copy(source, allocator)) {
                assertEquals(List.of(row(0), row(1), row(2), row(3)), rows(copy));
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    private static VectorSchemaRoot batch(RootAllocator allocator) {
        VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator);
        for (int row = 0; row < ROWS.length; row++) {
            for (int column = 0; column < SCHEMA.getFields().size(); column++) {
                VectorValues.set(root.getVector(column), row, ROWS[row][column]);
            }
        }
        root.setRowCount(ROWS.length);
        return root;
    }

    private static List<Object> row(int index) {
        return Arrays.asList(ROWS[index]);
    }

    private static List<List<Object>> rows(VectorSchemaRoot root) {
        List<List<Object>> rows = new ArrayList<>();
        for (int row = 0; row < root.getRowCount(); row++) {
            List<Object> values = new ArrayList<>();
            for (int column = 0; column < SCHEMA.getFields().size(); column++) {
                values.add(VectorValues.get(root.getVector(column), row));
            }
            rows.add(values);
        }
        return rows;
    }
}
