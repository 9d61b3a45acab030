package io.sluice.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.error.SluiceException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

class StateMemoryTest {
    @Test
    void chargesTheStateAheadOfItsSizeAndGivesItBack() {
        try (RootAllocator root = new RootAllocator()) {
            try (BufferAllocator query = root.newChildAllocator("query", 0, 1 << 20);
                 BufferAllocator operator = query.newChildAllocator("operator", 0, Long.MAX_VALUE)) {
                StateMemory memory = new StateMemory(operator, "the test state");
                // 100,000 bytes and a quarter ahead: 125,000, rounded up by Arrow to 2^17.
                memory.update(100_000);
                assertEquals(131_072, query.getAllocatedMemory());
                // Within the charge: nothing changes.
                memory.update(120_000);
                assertEquals(131_072, query.getAllocatedMemory());
                // Growth adds only the difference: 200,000 + 50,000 - 131,072 = 118,928, rounded to 2^17.
                memory.update(200_000);
                assertEquals(262_144, query.getAllocatedMemory());
                // Far below the charge: it shrinks to 10,000 + 2,500, rounded to 2^14.
                memory.update(10_000);
                assertEquals(16_384, query.getAllocatedMemory());
                memory.close();
                assertEquals(0, query.getAllocatedMemory());
            }
            assertEquals(0, root.getAllocatedMemory());
        }
    }

    @Test
    void stateOverTheQueryLimitFailsWithTheLimitInTheMessage() {
        try (RootAllocator root = new RootAllocator()) {
            try (BufferAllocator query = root.newChildAllocator("query", 0, 1 << 20);
                 BufferAllocator operator = query.newChildAllocator("operator", 0, Long.MAX_VALUE)) {
                StateMemory memory = new StateMemory(operator, "the window aggregation TUMBLE(size=1000ms)");
                // 300,000 + 75,000, rounded to 2^19 = 512 KiB; then 1,250,000 - 524,288 more, rounded to 1 MiB,
                // is over the limit.
                memory.update(300_000);
                SluiceException e = assertThrows(SluiceException.class, () -> memory.update(1_000_000));
                assertEquals("53200", e.sqlState());
                assertEquals("the window aggregation TUMBLE(size=1000ms) needs 976.6 KiB of state; with the 512 KiB "
                        + "the query holds, that is over its memory limit of 1 MiB (set 'query.memory.limit' to raise it)",
                        e.getMessage());
                memory.close();
                assertEquals(0, query.getAllocatedMemory());
            }
            assertEquals(0, root.getAllocatedMemory());
        }
    }

    @Test
    void sizesReadAsPeopleWriteThem() {
        assertEquals("512 bytes", StateMemory.size(512));
        assertEquals("1 KiB", StateMemory.size(1024));
        assertEquals("1.5 KiB", StateMemory.size(1536));
        assertEquals("2 MiB", StateMemory.size(2L << 20));
        assertEquals("3 GiB", StateMemory.size(3L << 30));
        assertTrue(StateMemory.size(Long.MAX_VALUE).endsWith(" TiB"));
    }
}
