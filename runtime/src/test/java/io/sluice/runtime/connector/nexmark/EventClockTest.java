package io.sluice.runtime.connector.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stepping the clock event by event gives the times {@link EventNumbers#timestamp} computes by division. */
class EventClockTest {
    private static final long BASE = 1_700_000_000_000L;

    @ParameterizedTest
    @ValueSource(longs = {1, 3, 7, 999, 1000, 1001, 999_983, 10_000_000, NexmarkConfig.MAX_RATE})
    void steppedTimesEqualDividedTimes(long rate) {
        EventNumbers numbers = new EventNumbers(new NexmarkConfig(rate, 1, 3, 46, BASE, 0, 1));
        EventClock clock = numbers.clock();
        for (long start : new long[] {0, 1, rate - 1, 5 * rate + 3, 123_456_789_012L}) {
            clock.seek(start);
            for (long n = start; n < start + 3000; n++) {
                assertEquals(numbers.timestamp(n), clock.time(), "event " + n + " at " + rate + " events/s");
                clock.advance();
            }
        }
    }
}
