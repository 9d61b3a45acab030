package io.sluice.runtime.connector.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EventModelTest {
    @Test
    void theHotMaskAgreesWithTheDrawItReplaces() {
        for (int ratio : new int[] {2, 3, 4, 7, 100}) {
            // the boundary: below(bits, ratio) turns 1 at ceil(2^32 / ratio)
            long threshold = ((1L << 32) + ratio - 1) / ratio;
            int[] edges = {0, (int) (threshold - 1), (int) threshold, -1, Integer.MAX_VALUE, Integer.MIN_VALUE};
            for (int bits : edges) {
                assertMaskAgrees(bits, ratio);
            }
            long stream = EventRandom.stream(5, ratio);
            for (int i = 0; i < 100_000; i++) {
                long draw = EventRandom.draw(stream, i);
                assertMaskAgrees(EventRandom.low(draw), ratio);
            }
        }
    }

    /** The price of a draw whose top 32 bits are u · 2^32 is 100 · 10^(6u) cents, to two millionths and half a cent. */
    @Test
    void pricesFollowTheLogUniformCurve() {
        long[] edges = {0, -1, 1L << 52, (1L << 52) - 1, Long.MIN_VALUE, Long.MAX_VALUE};
        for (long draw : edges) {
            assertPriceOnCurve(draw);
        }
        long stream = EventRandom.stream(3, 4);
        for (int i = 0; i < 1_000_000; i++) {
            long draw = EventRandom.draw(stream, i);
            assertPriceOnCurve(draw);
        }
        assertEquals(100, EventModel.price(0));
        assertEquals(100_000_000, EventModel.price(-1), 1);
    }

    private static void assertPriceOnCurve(long draw) {
        double u = (draw >>> 32) / 0x1.0p32;
        double expected = 100 * Math.pow(10, 6 * u);
        long price = EventModel.price(draw);
        assertEquals(expected, price, expected * 2e-6 + 0.5, "draw " + Long.toHexString(draw));
    }

    @Test
    void selectPicksBySign() {
        assertEquals(7, EventModel.select(-1L, 7, 9));
        assertEquals(9, EventModel.select(0L, 7, 9));
    }

    @Test
    void longDrawsStayBelowTheirBound() {
        long stream = EventRandom.stream(1, 2);
        long[] counts = new long[3];
        for (int i = 0; i < 30_000; i++) {
            long draw = EventRandom.draw(stream, i);
            long value = EventRandom.below(draw, 3);
            assertTrue(value >= 0 && value < 3, "value " + value);
            counts[(int) value]++;
            long big = EventRandom.below(draw, Long.MAX_VALUE);
            assertTrue(big >= 0, "value " + big);
        }
        for (long count : counts) {
            assertTrue(count > 9_500 && count < 10_500, "count " + count);
        }
        assertEquals(0, EventRandom.below(-1L, 1));
        assertEquals(4, EventRandom.below(-1L, 5));
    }

    @Test
    void extraPaddingBringsEventsToTheirAverageSize() {
        // 100 - 32 = 68 bytes, give or take round(68 / 5) = 14: 54 + [0, 28)
        assertEquals(54, EventModel.extraLength(0, 32, 100));
        assertEquals(81, EventModel.extraLength(-1, 32, 100));
        assertEquals(0, EventModel.extraLength(-1, 120, 100));
        // too little to vary: exactly the target
        assertEquals(2, EventModel.extraLength(-1, 98, 100));
    }

    private static void assertMaskAgrees(int bits, int ratio) {
        long expected = EventRandom.below(bits, ratio) > 0 ? -1L : 0L;
        assertEquals(expected, EventModel.hotMask(bits, ratio), "bits " + bits + " ratio " + ratio);
    }
}
