package io.sluice.runtime.window.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.vector.ColumnTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class MultiLongGroupByHashTest {
    /** (a BIGINT, b INT, t TIMESTAMP), grouped by a and b, or by a and t. */
    private static final Schema SCHEMA = new Schema(List.of(
            Field.nullable("a", ColumnTypes.BIGINT),
            Field.nullable("b", ColumnTypes.INT),
            Field.nullable("t", ColumnTypes.TIMESTAMP)));

    @Test
    void aNullIsAKeyValueOfItsOwnAndNotZero() {
        try (RootAllocator allocator = new RootAllocator()) {
            try (VectorSchemaRoot batch = batch(allocator, new Long[][] {
                {1L, 2L}, {1L, 0L}, {1L, null}, {null, 2L}, {1L, 2L}, {1L, null}, {0L, 2L}})) {
                GroupByHash hash = GroupByHashes.create(SCHEMA, new int[] {0, 1});
                assertTrue(hash instanceof MultiLongGroupByHash);
                assertEquals(List.of(0, 1, 2, 3, 0, 2, 4), groupIds(hash, batch));
                assertEquals(5, hash.groupCount());
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    @Test
    void keepsManyKeysAndMergesAnotherHashsGroups() {
        try (RootAllocator allocator = new RootAllocator()) {
            // 5,000 distinct pairs (i, i % 7), then the same pairs again: the table grows many times
            Long[][] rows = new Long[10_000][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = new Long[] {(long) (i % 5_000), (long) (i % 5_000 % 7)};
            }
            try (VectorSchemaRoot batch = batch(allocator, rows)) {
                GroupByHash hash = GroupByHashes.create(SCHEMA, new int[] {0, 1});
                List<Integer> ids = groupIds(hash, batch);
                assertEquals(5_000, hash.groupCount());
                for (int i = 0; i < 5_000; i++) {
                    assertEquals(i, ids.get(i));
                    assertEquals(i, ids.get(i + 5_000));
                }
                GroupByHash merged = hash.emptyCopy();
                assertEquals(0, merged.groupOf(hash, 4_999));
                assertEquals(1, merged.groupOf(hash, 0));
                assertEquals(0, merged.groupOf(hash, 4_999));
                assertEquals(2, merged.groupCount());
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    @Test
    void writesKeysOneByOneAndInRuns() {
        try (RootAllocator allocator = new RootAllocator()) {
            try (VectorSchemaRoot batch = batch(allocator, new Long[][] {{7L, 70L}, {null, 80L}, {9L, null}});
                 VectorSchemaRoot output = VectorSchemaRoot.create(SCHEMA, allocator)) {
                for (int[] keyColumns : new int[][] {{0, 1}, {0, 2}}) {
                    GroupByHash hash = GroupByHashes.create(SCHEMA, keyColumns);
                    groupIds(hash, batch);
                    hash.writeKeys(0, 3, output, 1, keyColumns);
                    hash.writeKey(2, output, 0, keyColumns);
                    output.setRowCount(4);
                    int second = keyColumns[1];
                    // row 0 is group 2 (9, NULL), written alone; rows 1 to 3 are groups 0 to 2
                    assertEquals(9L, value(output, 0, 0));
                    assertEquals(7L, value(output, 0, 1));
                    assertNull(value(output, 0, 2));
                    assertEquals(9L, value(output, 0, 3));
                    assertNull(value(output, second, 0));
                    assertEquals(70L, value(output, second, 1));
                    assertEquals(80L, value(output, second, 2));
                    assertNull(value(output, second, 3));
                }
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    /** Rows of (a, x): x goes to both b and t. */
    private static VectorSchemaRoot batch(RootAllocator allocator, Long[][] rows) {
        VectorSchemaRoot batch = VectorSchemaRoot.create(SCHEMA, allocator);
        BigIntVector a = (BigIntVector) batch.getVector(0);
        IntVector b = (IntVector) batch.getVector(1);
        TimeStampMilliVector t = (TimeStampMilliVector) batch.getVector(2);
        for (int row = 0; row < rows.length; row++) {
            if (rows[row][0] == null) {
                a.setNull(row);
            } else {
                a.setSafe(row, rows[row][0]);
            }
            if (rows[row][1] == null) {
                b.setNull(row);
                t.setNull(row);
            } else {
                b.setSafe(row, rows[row][1].intValue());
                t.setSafe(row, rows[row][1]);
            }
        }
        batch.setRowCount(rows.length);
        return batch;
    }

    private static List<Integer> groupIds(GroupByHash hash, VectorSchemaRoot batch) {
        int rows = batch.getRowCount();
        int[] selection = new int[rows];
        for (int i = 0; i < rows; i++) {
            selection[i] = i;
        }
        int[] ids = new int[rows];
        hash.groupIds(batch, selection, rows, ids);
        List<Integer> list = new ArrayList<>();
        for (int id : ids) {
            list.add(id);
        }
        return list;
    }

    private static Long value(VectorSchemaRoot batch, int column, int row) {
        if (batch.getVector(column).isNull(row)) {
            return null;
        }
        Object value = batch.getVector(column).getObject(row);
        return value instanceof java.time.LocalDateTime time
                ? time.toInstant(java.time.ZoneOffset.UTC).toEpochMilli() : ((Number) value).longValue();
    }
}
