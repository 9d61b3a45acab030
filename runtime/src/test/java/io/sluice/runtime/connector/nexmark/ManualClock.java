package io.sluice.runtime.connector.nexmark;

import io.sluice.runtime.Clock;

/**
 * A clock that tests move. {@link #sleepUntil} jumps to the deadline at once, or, while time is
 * held, returns at once without moving (as an early wake-up would); either way it is counted.
 */
final class ManualClock implements Clock {
    private long millis;
    private int sleeps;
    private boolean held;

    ManualClock(long millis) {
        this.millis = millis;
    }

    void set(long newMillis) {
        this.millis = newMillis;
    }

    void holdTime(boolean hold) {
        this.held = hold;
    }

    int sleeps() {
        return sleeps;
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public long nanos() {
        return millis * 1_000_000;
    }

    @Override
    public void sleepUntil(long deadlineMillis) {
        sleeps++;
        if (!held) {
            millis = Math.max(millis, deadlineMillis);
        }
    }
}
