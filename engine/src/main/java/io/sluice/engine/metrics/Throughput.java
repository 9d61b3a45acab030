package io.sluice.engine.metrics;

import java.util.ArrayDeque;

/**
 * A query's recent rates: the records read and emitted per second over the last
 * {@link #WINDOW_MILLIS}, from samples of its counters the engine takes every second.
 */
public final class Throughput {
    static final long WINDOW_MILLIS = 10_000;

    private record Sample(long millis, long recordsIn, long recordsOut) {
    }

    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    synchronized void sample(long millis, long recordsIn, long recordsOut) {
        samples.addLast(new Sample(millis, recordsIn, recordsOut));
        while (samples.size() > 2 && millis - samples.peekFirst().millis() > WINDOW_MILLIS) {
            samples.removeFirst();
        }
    }

    /** Records read per second by the query's sources, lately; 0 before two samples. */
    public synchronized double recordsInPerSecond() {
        return rate(samples.isEmpty() ? 0 : samples.peekLast().recordsIn() - samples.peekFirst().recordsIn());
    }

    /** Records emitted per second by the query, lately; 0 before two samples. */
    public synchronized double recordsOutPerSecond() {
        return rate(samples.isEmpty() ? 0 : samples.peekLast().recordsOut() - samples.peekFirst().recordsOut());
    }

    private double rate(long delta) {
        if (samples.size() < 2) {
            return 0;
        }
        long elapsed = samples.peekLast().millis() - samples.peekFirst().millis();
        return elapsed <= 0 ? 0 : delta * 1000.0 / elapsed;
    }
}
