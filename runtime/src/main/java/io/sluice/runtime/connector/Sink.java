package io.sluice.runtime.connector;

import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;

/**
 * A configured destination of rows, made once per table by its {@link SinkFactory} when the table
 * is created, and written by the jobs that {@code INSERT INTO} it.
 *
 * <p>A job writes with one {@link Output} per parallel task, made by {@link #createOutput}. Each
 * output is used by its task's thread only: {@code emit} (the batch is borrowed for the call) and
 * {@code emitWatermark} any number of times, then {@code finish()} when the job's input has ended,
 * then {@code close()} exactly once. When a job is stopped or fails, {@code close()} comes without
 * {@code finish()}: an output then still hands on what it was given, so that every row emitted
 * reaches the destination at least once; it must not throw for rows it could not write after a
 * failure elsewhere. A sink that writes exactly once across crashes has a {@link #committer()},
 * and its outputs are {@link TwoPhaseCommitOutput}s.
 */
public interface Sink {
    /**
     * Makes the output of one parallel task ({@code context.taskIndex()} of
     * {@code context.parallelism()}). Problems found only now, such as a database that refuses the
     * connection, are raised as {@link io.sluice.runtime.error.SluiceException}s.
     */
    Output createOutput(TaskContext context);

    /** True if every row must go through one writer; the job then gathers its rows into one task. */
    default boolean needsSingleWriter() {
        return false;
    }

    /**
     * Checks, within a bounded wait, that the destination is there and reachable (a topic, a
     * database table), so that an {@code INSERT} reports a missing one when it runs rather than
     * in its background job.
     */
    default void check() {
    }

    /**
     * The kinds of rows the sink can write: insert-only (the default: it appends), upsert (it
     * writes and deletes rows by the table's primary key, skipping the old values of updates) or
     * retract (it writes every change as it comes, such as a changelog format). A changelog
     * reaches the sink's outputs with the row-kind column after the table's columns (see
     * {@link io.sluice.runtime.changelog.RowKinds}); the planner refuses to write an updating
     * query into a sink that takes inserts only.
     */
    default io.sluice.runtime.changelog.ChangelogMode acceptedChangelog() {
        return io.sluice.runtime.changelog.ChangelogMode.INSERT_ONLY;
    }

    /**
     * Present when the sink writes exactly once (as its table's options ask): it then makes its
     * outputs' prepared commits visible when a checkpoint completes. Empty for a sink that writes
     * at least once (rows may repeat after a crash) or whose writes are idempotent (upserts by key).
     */
    default java.util.Optional<SinkCommitter> committer() {
        return java.util.Optional.empty();
    }

    /**
     * Why the sink needs a job that takes checkpoints, if it does: a sink whose rows become visible
     * only when a checkpoint completes (Kafka transactions) would show nothing of an unending job
     * without them, so such a job is refused. Empty for a sink that writes without checkpoints.
     */
    default java.util.Optional<String> needsCheckpoints() {
        return java.util.Optional.empty();
    }

    /** One line for EXPLAIN and SHOW QUERIES, e.g. {@code kafka(topic=out, format=json)}. */
    String describe();
}
