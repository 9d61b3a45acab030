package io.sluice.engine.metrics;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.job.BackgroundJob;
import io.sluice.engine.query.RunningQuery;
import io.sluice.runtime.checkpoint.CheckpointStats;
import io.sluice.runtime.metrics.QueryMetrics;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the engine's meters read of an interactive query or a background job.
 *
 * @param kind        {@code query} or {@code job}
 * @param memoryUsed  the bytes it holds now
 * @param memoryLimit its memory limit
 * @param checkpoint  its newest completed checkpoint, if it takes them
 * @param restarts    how often it was restarted after a failure
 */
record MeteredQuery(String id, String kind, String owner, QueryMetrics metrics, LongSupplier memoryUsed,
                    LongSupplier memoryLimit, Supplier<Optional<CheckpointStats>> checkpoint, IntSupplier restarts) {
    MeteredQuery {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(owner, "owner is null");
        requireNonNull(metrics, "metrics is null");
    }

    static MeteredQuery of(RunningQuery query) {
        return new MeteredQuery(query.id(), "query", query.owner(), query.metrics(), () -> query.job().memoryUsed(),
                () -> query.job().memoryLimit(), Optional::empty, () -> 0);
    }

    static MeteredQuery of(BackgroundJob job) {
        return new MeteredQuery(job.id(), "job", job.owner(), job.metrics(), job::memoryUsed, job::memoryLimit,
                job::lastCheckpoint, job::restarts);
    }
}
