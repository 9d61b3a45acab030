package io.sluice.bench.counting;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the {@code counting} sinks of both engines were given since the last {@link #reset()}.
 * Each engine runs embedded in the runner's JVM (Flink's mini cluster too), so its sink tasks and
 * the runner share these counters; a task adds its own counts once, when its input has ended.
 */
public final class SinkRows {
    private static final LongAdder ADDED = new LongAdder();
    private static final LongAdder RETRACTED = new LongAdder();

    private SinkRows() {
    }

    /** Forgets the last job's rows; called before a job starts. */
    public static void reset() {
        ADDED.reset();
        RETRACTED.reset();
    }

    /** The rows of every job's sink tasks since {@link #reset()}. */
    public static RowCount count() {
        return new RowCount(ADDED.sum(), RETRACTED.sum());
    }

    /** Adds one sink task's counts. */
    public static void add(long added, long retracted) {
        ADDED.add(added);
        RETRACTED.add(retracted);
    }
}
