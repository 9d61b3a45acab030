package io.sluice.bench.nexmark;

import static java.util.Objects.requireNonNull;

/**
 * One measured run: an engine (or the generator) running a query over a number of events.
 *
 * @param events     the events of the Nexmark sequence (every kind), whichever tables the query reads
 * @param seconds    wall time of the run
 * @param cpuSeconds CPU time the run's process used meanwhile, all threads
 */
record Measurement(String query, String engine, int parallelism, long events, double seconds, double cpuSeconds) {
    Measurement {
        requireNonNull(query, "query is null");
        requireNonNull(engine, "engine is null");
        if (seconds <= 0 || cpuSeconds <= 0) {
            throw new IllegalArgumentException("a run takes time: " + seconds + " s, " + cpuSeconds + " CPU s");
        }
    }

    double eventsPerSecond() {
        return events / seconds;
    }

    /** Events per CPU second: what one core does, whatever the parallelism. */
    double eventsPerSecondPerCore() {
        return events / cpuSeconds;
    }
}
