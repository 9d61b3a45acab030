package io.sluice.runtime.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.Test;

class VectorsTest {
    @Test
    void writesDecimalsOfEveryWidthExactly() {
        try (RootAllocator allocator = new RootAllocator()) {
            try (DecimalVector vector = new DecimalVector("d", allocator, 38, 3)) {
                BigDecimal[] values = {
                    new BigDecimal("908.000"),
                    new BigDecimal("-1.500"),
                    new BigDecimal("0.000"),
                    new BigDecimal("999999999999999.999"),      // 18 digits: written as a long
                    new BigDecimal("-1000000000000000.000"),    // 19 digits: written as bytes
                    new BigDecimal("12345678901234567890123.456"),
                };
                for (int row = 0; row < values.length; row++) {
                    Vectors.setDecimal(vector, row, values[row]);
                }
                vector.setValueCount(values.length);
                for (int row = 0; row < values.length; row++) {
                    assertEquals(values[row], vector.getObject(row), "row " + row);
                }
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    @Test
    void writesAndReadsUnscaledLongsByAddress() {
        try (RootAllocator allocator = new RootAllocator()) {
            try (DecimalVector vector = new DecimalVector("d", allocator, 22, 3)) {
                vector.allocateNew(4);
                long data = vector.getDataBufferAddress();
                long[] unscaled = {908_000, -1_500, 0, -999_999_999_999_999_999L};
                for (int row = 0; row < unscaled.length; row++) {
                    Vectors.putDecimal(data, row, unscaled[row]);
                    vector.setIndexDefined(row);
                }
                vector.setValueCount(unscaled.length);
                assertEquals(new BigDecimal("908.000"), vector.getObject(0));
                assertEquals(new BigDecimal("-1.500"), vector.getObject(1));
                assertEquals(new BigDecimal("0.000"), vector.getObject(2));
                assertEquals(new BigDecimal("-999999999999999.999"), vector.getObject(3));
                assertEquals(-1_500, Vectors.getDecimalUnscaled(data, 1));
                assertEquals(-999_999_999_999_999_999L, Vectors.getDecimalUnscaled(data, 3));
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    @Test
    void refusesADecimalOfAnotherScaleOrTooManyDigits() {
        try (RootAllocator allocator = new RootAllocator();
             DecimalVector vector = new DecimalVector("d", allocator, 5, 2)) {
            assertThrows(UnsupportedOperationException.class, () -> Vectors.setDecimal(vector, 0, new BigDecimal("1.5")));
            assertThrows(UnsupportedOperationException.class,
                    () -> Vectors.setDecimal(vector, 0, new BigDecimal("1234.00")));
        }
    }

    @Test
    void copiesTheSelectedStringsWithTheirNulls() {
        try (RootAllocator allocator = new RootAllocator()) {
            try (VarCharVector in = strings(allocator);
                 VarCharVector out = new VarCharVector("out", allocator)) {
                Vectors.copyStrings(in, new int[] {1, 2, 4}, 3, out);
                out.setValueCount(3);
                assertEquals(Arrays.asList("", "x".repeat(5000), "€"), values(out));

                // the same vector again, for a batch with fewer and shorter rows
                Vectors.copyStrings(in, new int[] {3}, 1, out);
                out.setValueCount(1);
                assertEquals(Arrays.asList((String) null), values(out));
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    @Test
    void copiesEveryRowAsBlocks() {
        try (RootAllocator allocator = new RootAllocator()) {
            try (VarCharVector in = strings(allocator);
                 VarCharVector out = new VarCharVector("out", allocator)) {
                Vectors.copyStrings(in, new int[] {0, 1, 2, 3, 4}, 5, out);
                out.setValueCount(5);
                assertEquals(Arrays.asList("héllo𝄞", "", "x".repeat(5000), null, "€"), values(out));
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }

    /** héllo𝄞, the empty string, 5,000 x's, NULL, €. */
    private static VarCharVector strings(RootAllocator allocator) {
        VarCharVector in = new VarCharVector("in", allocator);
        String[] values = {"héllo𝄞", "", "x".repeat(5000), null, "€"};
        for (int row = 0; row < values.length; row++) {
            if (values[row] == null) {
                in.setNull(row);
            } else {
                in.setSafe(row, values[row].getBytes(StandardCharsets.UTF_8));
            }
        }
        in.setValueCount(values.length);
        return in;
    }

    private static List<String> values(VarCharVector vector) {
        List<String> values = new ArrayList<>();
        for (int row = 0; row < vector.getValueCount(); row++) {
            values.add(vector.isNull(row) ? null : new String(vector.get(row), StandardCharsets.UTF_8));
        }
        return values;
    }
}
