package io.sluice.runtime.state;

import java.time.Duration;

/**
 * How long state may stay idle before it is dropped: Flink's {@code 'table.exec.state.ttl'}. Zero,
 * the default, keeps state for as long as the query runs. A key whose state is dropped starts
 * over when it comes again: an aggregate counts from zero, a join no longer finds the rows it had.
 *
 * @param millis the idle time after which a key's state goes; 0 for never
 */
public record StateTtl(long millis) {
    public static final StateTtl NEVER = new StateTtl(0);

    /** Flink's option name. */
    public static final String OPTION = "table.exec.state.ttl";

    public StateTtl {
        if (millis < 0) {
            throw new IllegalArgumentException("a state TTL cannot be negative: " + millis);
        }
    }

    public static StateTtl of(Duration duration) {
        return new StateTtl(duration.toMillis());
    }

    public boolean enabled() {
        return millis > 0;
    }

    /** The time before which state untouched at {@code nowMillis} has expired. */
    public long cutoff(long nowMillis) {
        return nowMillis - millis;
    }
}
