package io.sluice.runtime.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
    void refusesADecimalOfAnotherScaleOrTooManyDigits() {
        try (RootAllocator allocator = new RootAllocator();
             DecimalVector vector = new DecimalVector("d", allocator, 5, 2)) {
            assertThrows(UnsupportedOperationException.class, () -> Vectors.setDecimal(vector, 0, new BigDecimal("1.5")));
            assertThrows(UnsupportedOperationException.class,
                    () -> Vectors.setDecimal(vector, 0, new BigDecimal("1234.00")));
        }
    }

    @Test
    void copiesStringBytesBetweenVectors() {
        try (RootAllocator allocator = new RootAllocator()) {
            try (VarCharVector in = new VarCharVector("in", allocator);
                 VarCharVector out = new VarCharVector("out", allocator)) {
                String[] values = {"héllo€𝄞", "", "x".repeat(5000)};
                for (int row = 0; row < values.length; row++) {
                    in.setSafe(row, values[row].getBytes(StandardCharsets.UTF_8));
                }
                in.setValueCount(values.length);
                int[] order = {2, 0, 1, 0};
                for (int j = 0; j < order.length; j++) {
                    Vectors.copyString(in.getOffsetBufferAddress(), in.getDataBuffer(), order[j], out, j);
                }
                out.setValueCount(order.length);
                for (int j = 0; j < order.length; j++) {
                    assertEquals(values[order[j]], new String(out.get(j), StandardCharsets.UTF_8), "row " + j);
                }
            }
            assertEquals(0, allocator.getAllocatedMemory());
        }
    }
}
