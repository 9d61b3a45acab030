package io.sluice.runtime.testing;

import io.sluice.runtime.Clock;

/** A clock the test moves by hand, starting at 1 s after the epoch; sleeping jumps to the deadline. */
public final class HandClock implements Clock {
    private long now = 1_000;

    /** Moves the time on by {@code millis}. */
    public void advance(long millis) {
        now += millis;
    }

    @Override
    public long millis() {
        return now;
    }

    @Override
    public long nanos() {
        return now * 1_000_000;
    }

    @Override
    public void sleepUntil(long deadlineMillis) {
        now = Math.max(now, deadlineMillis);
    }
}
