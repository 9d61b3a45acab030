package io.sluice.runtime.connector;

import io.sluice.runtime.task.TaskContext;
import java.util.Optional;

/**
 * A configured source of rows, made once per table by its {@link SourceFactory} and shared by
 * the queries that read the table. It splits its input among parallel readers: the reader made
 * for task {@code i} of {@code n} reads the {@code i}-th share.
 */
public interface Source {
    /** True if the source ends by itself (a file, a generator with a count). */
    boolean isBounded();

    /**
     * True if a plain {@code SELECT} can read what the source holds now and end (a file; a Kafka
     * topic up to its latest offsets). False for sources that only have a future, such as a socket.
     */
    default boolean supportsSnapshot() {
        return isBounded();
    }

    /**
     * This source reading only some of its columns: the one it returns produces column
     * {@code columns[i]} of this source's schema as its column {@code i}. Empty (the default)
     * for a source that reads every column whatever is asked. The planner asks for the columns a
     * query uses, so that a source that can skip the others does not make or copy them.
     */
    default Optional<Source> project(int[] columns) {
        return Optional.empty();
    }

    /** The most parallel readers that can do useful work; extra readers end at once. */
    default int maxParallelism() {
        return Integer.MAX_VALUE;
    }

    /**
     * Makes the reader for one parallel task ({@code context.taskIndex()} of
     * {@code context.parallelism()}). Problems found only now, such as a missing file, are
     * raised here as {@link io.sluice.runtime.error.SluiceException}s that name the path.
     */
    SourceReader createReader(TaskContext context, ReadMode mode);

    /**
     * Checks, within a bounded wait, that what the source reads is there and reachable (a topic,
     * a server), so that a statement starting a background job reports a missing one when it
     * runs rather than in the job.
     */
    default void check() {
    }

    /**
     * The kinds of rows the source produces: insert-only (the default), or a changelog (a CDC
     * format, an upsert topic), in which case each batch carries the row-kind column after the
     * schema's columns (see {@link io.sluice.runtime.changelog.RowKinds}). An upsert source's rows
     * are keyed by the table's primary key.
     */
    default io.sluice.runtime.changelog.ChangelogMode changelogMode() {
        return io.sluice.runtime.changelog.ChangelogMode.INSERT_ONLY;
    }

    /**
     * The kinds of rows a read in this mode produces: {@link #changelogMode()}, unless the source
     * reads a snapshot as plain rows (a materialized view's current result).
     */
    default io.sluice.runtime.changelog.ChangelogMode changelogMode(ReadMode mode) {
        return changelogMode();
    }

    /**
     * True if a reader can resume where an earlier reader of the same share stopped: its readers
     * implement {@link io.sluice.runtime.checkpoint.Checkpointed}, snapshotting their position (a
     * byte offset, Kafka offsets, a sequence number) and seeking to it on restore. A job over a
     * source that cannot replay (a socket) delivers at most once across a crash.
     */
    default boolean canReplay() {
        return false;
    }

    /** One line for EXPLAIN, e.g. {@code file(path=/data/bids.csv, format=csv)}. */
    String describe();
}
