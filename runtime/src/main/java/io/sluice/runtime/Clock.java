package io.sluice.runtime;

/**
 * Wall-clock time, injected so that nothing in the runtime reads the system clock directly and
 * tests can drive time. Event time never comes from here: it comes from the data.
 */
public interface Clock {
    /** Milliseconds since the epoch. */
    long millis();

    /** A monotonic reading in nanoseconds, for measuring intervals. */
    long nanos();

    /** Waits until {@link #millis()} reaches the deadline, or the thread is interrupted. */
    void sleepUntil(long deadlineMillis) throws InterruptedException;

    Clock SYSTEM = new Clock() {
        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadlineMillis) throws InterruptedException {
            long wait = deadlineMillis - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
        }
    };
}
