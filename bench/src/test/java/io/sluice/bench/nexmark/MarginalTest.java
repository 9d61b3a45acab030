package io.sluice.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.bench.counting.RowCount;
import org.junit.jupiter.api.Test;

class MarginalTest {
    @Test
    void theFixedCostOfARunCancelsOut() {
        // 0.5 CPU s fixed per run, then 100 ns per event: 1.5 CPU s over 10 M events, 2.5 over 20 M
        Measurement single = measurement(10_000_000, 1.2, 1.5);
        Measurement doubled = measurement(20_000_000, 2.0, 2.5);
        Marginal marginal = Marginal.between(single, doubled);
        assertEquals(10_000_000, marginal.events());
        assertEquals(0.8, marginal.seconds(), 1e-9);
        assertEquals(1.0, marginal.cpuSeconds(), 1e-9);
        assertTrue(marginal.measurable());
        assertEquals(100e-9, marginal.cpuSecondsPerEvent(), 1e-15);
        assertEquals(10_000_000, marginal.eventsPerSecondPerCore(), 1e-3);
        // the whole runs count the fixed cost: 6.7 M and 8 M events/s per core
        assertEquals(6_666_666.7, single.eventsPerSecondPerCore(), 0.1);
        assertEquals(8_000_000, doubled.eventsPerSecondPerCore(), 1e-3);
    }

    @Test
    void aLargerRunThatCostNoMoreHasNoMeasurableCost() {
        Marginal marginal = Marginal.between(measurement(1_000, 0.2, 0.30), measurement(2_000, 0.2, 0.29));
        assertFalse(marginal.measurable());
    }

    @Test
    void onlyRunsOfTheSameQueryAndEngineCompare() {
        Measurement sluice = measurement(1_000, 0.1, 0.1);
        Measurement flink = new Measurement("q0", "flink", 1, 2_000, 0.2, 0.2, RowCount.NONE);
        assertThrows(IllegalArgumentException.class, () -> Marginal.between(sluice, flink));
        assertThrows(IllegalArgumentException.class, () -> Marginal.between(sluice, sluice));
    }

    private static Measurement measurement(long events, double seconds, double cpuSeconds) {
        return new Measurement("q0", "sluice", 1, events, seconds, cpuSeconds, new RowCount(events, 0));
    }
}
