package io.sluice.runtime.window.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.runtime.vector.ColumnTypes;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class LongGroupByHashTest {
    @Test
    void writesRunsOfBigintKeysWithTheNullGroup() {
        check(ColumnTypes.BIGINT);
    }

    @Test
    void writesRunsOfIntKeysWithTheNullGroup() {
        check(ColumnTypes.INT);
    }

    /** Keys 5, NULL, 7, 5 make groups 0 (5), 1 (NULL) and 2 (7); they go to output rows 2 to 4. */
    private static void check(ArrowType type) {
        Schema schema = new Schema(List.of(Field.nullable("k", type)));
        try (RootAllocator allocator = new RootAllocator()) {
            try (VectorSchemaRoot input = VectorSchemaRoot.create(schema, allocator);
                 VectorSchemaRoot output = VectorSchemaRoot.create(schema, allocator)) {
                Long[] keys = {5L, null, 7L, 5L};
                for (int row = 0; row < keys.length; row++) {
                    set(input, row, keys[row]);
                }
                input.setRowCount(keys.length);
                GroupByHash hash = GroupByHashes.create(schema, new int[] {0});
                int[] groupIds = new int[keys.length];
                hash.groupIds(input, new int[] {0, 1, 2, 3}, keys.length, groupIds);
                assertEquals(List.of(0, 1, 2, 0), List.of(groupIds[0], groupIds[1], groupIds[2], groupIds[3]));

                hash.writeKeys(0, 3, output, 2, new int[] {0});
                output.setRowCount(5);
                assertEquals(5L, get(output, 2));
                assertNull(get(output, 3));
                assertEquals(7L, get(output, 4));
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    private static void set(VectorSchemaRoot batch, int row, Long value) {
        if (batch.getVector(0) instanceof BigIntVector longs) {
            if (value == null) {
                longs.setNull(row);
            } else {
                longs.setSafe(row, value);
            }
        } else {
            IntVector ints = (IntVector) batch.getVector(0);
            if (value == null) {
                ints.setNull(row);
            } else {
                ints.setSafe(row, value.intValue());
            }
        }
    }

    private static Long get(VectorSchemaRoot batch, int row) {
        Object value = batch.getVector(0).getObject(row);
        return value == null ? null : ((Number) value).longValue();
    }
}
