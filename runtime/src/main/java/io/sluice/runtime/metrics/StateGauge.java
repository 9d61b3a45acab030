package io.sluice.runtime.metrics;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Keyed state ({@link io.sluice.runtime.state.KeyedState}): its estimated bytes and its keys, summed
 * over the operators and tasks that report to it, each as it last reported (after each batch it
 * processed). A finished query keeps what it held at its end. An operator's gauge has the query's
 * as its parent, which every report reaches too. Read from any thread; each {@link Reporter} is
 * written by its task's thread.
 */
public final class StateGauge {
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong keys = new AtomicLong();
    private final StateGauge parent;

    public StateGauge() {
        this(null);
    }

    StateGauge(StateGauge parent) {
        this.parent = parent;
    }

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

    private void add(long addedBytes, long addedKeys) {
        bytes.addAndGet(addedBytes);
        keys.addAndGet(addedKeys);
        if (parent != null) {
            parent.add(addedBytes, addedKeys);
        }
    }

    /** One operator task's share of the gauge. */
    public final class Reporter {
        private long reportedBytes;
        private long reportedKeys;

        private Reporter() {
        }

        /** Replaces this reporter's share with the state's size now. */
        public void report(long stateBytes, long stateKeys) {
            add(stateBytes - reportedBytes, stateKeys - reportedKeys);
            reportedBytes = stateBytes;
            reportedKeys = stateKeys;
        }
    }
}
