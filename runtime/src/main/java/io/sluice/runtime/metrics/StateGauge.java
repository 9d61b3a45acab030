package io.sluice.runtime.metrics;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The keyed state a query holds ({@link io.sluice.runtime.state.KeyedState}): its estimated bytes
 * and its keys, summed over the query's stateful operators and their tasks, each as it last
 * reported (after each batch it processed). A finished query keeps what it held at its end. Read
 * from any thread; each {@link Reporter} is written by its task's thread.
 */
public final class StateGauge {
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong keys = new AtomicLong();

    /** A reporter for one operator in one task. */
    public Reporter reporter() {
        return new Reporter();
    }

    /** The state's estimated bytes, heap and Arrow buffers. */
    public long bytes() {
        return bytes.get();
    }

    /** The keys the state holds (groups, join keys, Top-N partitions, upsert keys). */
    public long keys() {
        return keys.get();
    }

    /** One operator task's share of the gauge. */
    public final class Reporter {
        private long reportedBytes;
        private long reportedKeys;

        private Reporter() {
        }

        /** Replaces this reporter's share with the state's size now. */
        public void report(long stateBytes, long stateKeys) {
            bytes.addAndGet(stateBytes - reportedBytes);
            keys.addAndGet(stateKeys - reportedKeys);
            reportedBytes = stateBytes;
            reportedKeys = stateKeys;
        }
    }
}
