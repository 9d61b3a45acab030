package io.sluice.bench.flink;

import io.sluice.bench.nexmark.Span;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When the first Nexmark row of a job was made, for measuring a Flink job from its first row
 * to its end: that leaves out planning, job submission and the mini cluster's start, which a
 * Flink user's long-running cluster does not pay per query. The mini cluster runs in the
 * runner's JVM, so the readers and the runner share this.
 */
public final class FirstRow {
    private static final AtomicReference<Span.Start> FIRST = new AtomicReference<>();

    private FirstRow() {
    }

    /** Forgets the last job's first row; called before a job starts. */
    public static void reset() {
        FIRST.set(null);
    }

    /** When the first row since {@link #reset()} was made, if one was. */
    public static Optional<Span.Start> first() {
        return Optional.ofNullable(FIRST.get());
    }

    static void mark() {
        if (FIRST.get() == null) {
            FIRST.compareAndSet(null, Span.start());
        }
    }
}
