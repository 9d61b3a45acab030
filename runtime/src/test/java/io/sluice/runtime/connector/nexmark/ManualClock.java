package io.sluice.runtime.connector.nexmark;

import io.sluice.runtime.Clock;

/** A clock that tests move: {@link #sleepUntil} jumps to the deadline at once and records it. */
final class ManualClock implements Clock {
    private long millis;
    private int sleeps;

    ManualClock(long millis) {
        this.millis = millis;
    }

    void set(long newMillis) {
        this.millis = newMillis;
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
        millis = Math.max(millis, deadlineMillis);
    }
}
