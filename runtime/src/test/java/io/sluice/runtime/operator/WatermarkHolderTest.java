package io.sluice.runtime.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WatermarkHolderTest {
    @Test
    void theWatermarkIsTheSmallestOfTheActiveInputs() {
        WatermarkHolder holder = new WatermarkHolder(2);
        assertEquals(Watermarks.NONE, holder.update(0, 5_000));
        assertEquals(3_000, holder.update(1, 3_000));
        assertEquals(5_000, holder.update(1, 9_000));
        assertEquals(Watermarks.NONE, holder.update(0, 4_000), "an input's watermark never goes back");
    }

    @Test
    void anIdleInputNoLongerHoldsTheWatermarkBack() {
        WatermarkHolder holder = new WatermarkHolder(2);
        holder.update(0, 5_000);
        assertEquals(5_000, holder.setIdle(1, true));
        assertEquals(7_000, holder.update(0, 7_000));
    }

    @Test
    void whenEveryInputIsIdleTheWatermarkIsTheLargestOfTheirs() {
        // Input 0 read a row and went idle before input 1, which never read anything, went idle.
        WatermarkHolder holder = new WatermarkHolder(2);
        assertEquals(Watermarks.NONE, holder.update(0, 42_000));
        assertEquals(Watermarks.NONE, holder.setIdle(0, true));
        assertEquals(42_000, holder.setIdle(1, true));
        assertEquals(Watermarks.NONE, holder.update(1, 10_000), "an input that comes back does not move it back");
        assertEquals(42_000, holder.current());
        assertEquals(50_000, holder.update(1, 50_000));
    }
}
