package io.sluice.bench.nexmark;

import static java.util.Objects.requireNonNull;

import io.sluice.bench.counting.RowCount;
import java.util.Optional;

/**
 * One measured run, the one of median CPU seconds of its size: an engine (or the generator)
 * running a query over a number of events.
 *
 * @param events      the events of the Nexmark sequence (every kind), whichever tables the query reads
 * @param seconds     wall time of the run
 * @param cpuSeconds  CPU time the run's process used meanwhile, all threads
 * @param rows        what the query's sink was given ({@link RowCount#NONE} for the generator, which has none)
 * @param checkpoints what its job told of its checkpoints, for a run that took them on an engine that tells
 */
record Measurement(String query, String engine, int parallelism, long events, double seconds, double cpuSeconds,
                   RowCount rows, Optional<CheckpointSummary> checkpoints) {
    Measurement {
        requireNonNull(query, "query is null");
        requireNonNull(engine, "engine is null");
        requireNonNull(rows, "rows is null");
        requireNonNull(checkpoints, "checkpoints is null");
        if (seconds <= 0 || cpuSeconds <= 0) {
            throw new IllegalArgumentException("a run takes time: " + seconds + " s, " + cpuSeconds + " CPU s");
        }
    }

    Measurement(String query, String engine, int parallelism, long events, double seconds, double cpuSeconds,
                RowCount rows) {
        this(query, engine, parallelism, events, seconds, cpuSeconds, rows, Optional.empty());
    }

    double eventsPerSecond() {
        return events / seconds;
    }

    /** Events per CPU second: what one core does, whatever the parallelism. */
    double eventsPerSecondPerCore() {
        return events / cpuSeconds;
    }

    double cpuSecondsPerEvent() {
        return cpuSeconds / events;
    }
}
