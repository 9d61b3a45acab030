package io.sluice.runtime.connector.nexmark;

/**
 * Event times of consecutive event numbers without a division per event: a generator points it
 * at an event with {@link #seek} (which divides) and steps to the next with {@link #advance},
 * which carries the quotient and remainder of {@code n * 1000 / rate} along. Always equal to
 * {@link EventNumbers#timestamp} of the same event number. Used by one thread.
 */
final class EventClock {
    private final long rate;
    private final long baseTime;
    /** {@code 1000 / rate} and {@code 1000 % rate}: what one more event adds. */
    private final long stepMillis;
    private final long stepRemainder;
    /** {@code floor(n * 1000 / rate)} and {@code n * 1000 % rate} of the current event {@code n}. */
    private long millis;
    private long remainder;

    EventClock(long rate, long baseTime) {
        this.rate = rate;
        this.baseTime = baseTime;
        this.stepMillis = 1000 / rate;
        this.stepRemainder = 1000 % rate;
    }

    void seek(long eventNumber) {
        long within = eventNumber % rate;
        millis = (eventNumber / rate) * 1000 + within * 1000 / rate;
        remainder = within * 1000 % rate;
    }

    void advance() {
        millis += stepMillis;
        remainder += stepRemainder;
        if (remainder >= rate) {
            remainder -= rate;
            millis++;
        }
    }

    /** The event time of the current event, in milliseconds. */
    long time() {
        return baseTime + millis;
    }
}
