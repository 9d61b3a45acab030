package io.sluice.runtime.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class StateSnapshotTest {
    @Test
    void whatIsWrittenIsReadBackInOrder() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BufferAllocator allocator = new RootAllocator()) {
            Schema schema = new Schema(List.of(Field.nullable("k", new ArrowType.Int(64, true)),
                    Field.nullable("s", ArrowType.Utf8.INSTANCE)));
            try (StateWriter out = new StateWriter(bytes);
                 VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator)) {
                out.writeLongs(new long[] {7, -1, 99}, 2);
                ((BigIntVector) batch.getVector(0)).setSafe(0, 42);
                batch.getVector(0).setNull(1);
                ((VarCharVector) batch.getVector(1)).setSafe(0, "é".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                batch.getVector(1).setNull(1);
                batch.setRowCount(2);
                out.writeBatch(batch);
                for (Object value : values()) {
                    out.writeValue(value);
                }
                out.writeBooleans(new boolean[] {true, false}, 2);
            }
            StateReader in = new StateReader(new ByteArrayInputStream(bytes.toByteArray()));
            assertArrayEquals(new long[] {7, -1}, in.readLongs());
            try (VectorSchemaRoot batch = in.readBatch(allocator)) {
                assertEquals(2, batch.getRowCount());
                assertEquals(42L, ((BigIntVector) batch.getVector(0)).get(0));
                assertNull(batch.getVector(0).getObject(1));
                assertEquals("é", batch.getVector(1).getObject(0).toString());
                assertNull(batch.getVector(1).getObject(1));
            }
            for (Object value : values()) {
                Object read = in.readValue();
                if (value instanceof byte[] b) {
                    assertArrayEquals(b, (byte[]) read);
                } else {
                    assertEquals(value, read);
                }
            }
            assertArrayEquals(new boolean[] {true, false}, in.readBooleans());
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    @Test
    void arraysLongerThanTheWritersBufferAndTheChecksumOfWhatWasWrittenComeBack() throws Exception {
        long[] longs = new long[5_000];
        int[] ints = new int[3_000];
        double[] doubles = new double[2_500];
        boolean[] flags = new boolean[20_000];
        for (int i = 0; i < flags.length; i++) {
            if (i < longs.length) {
                longs[i] = i * 1_000_003L - 7;
            }
            if (i < ints.length) {
                ints[i] = -i;
            }
            if (i < doubles.length) {
                doubles[i] = i / 3.0;
            }
            flags[i] = i % 3 == 0;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long written;
        try (StateWriter out = new StateWriter(bytes)) {
            out.writeInt(7);
            out.startChecksum();
            out.writeLongs(longs, longs.length);
            out.writeInts(ints, ints.length - 1);
            out.writeDoubles(doubles, doubles.length);
            out.writeBooleans(flags, flags.length);
            written = out.checksum();
        }
        StateReader in = new StateReader(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(7, in.readInt());
        in.startChecksum();
        assertArrayEquals(longs, in.readLongs());
        assertArrayEquals(Arrays.copyOf(ints, ints.length - 1), in.readInts());
        assertArrayEquals(doubles, in.readDoubles());
        assertArrayEquals(flags, in.readBooleans());
        assertEquals(written, in.checksum());
    }

    private static List<Object> values() {
        return Arrays.asList(null, true, 3, 4L, 1.5f, -0.25d, new BigDecimal("-12.340"), "text", new byte[] {1, 2},
                Arrays.asList("a", null, 5L));
    }
}
