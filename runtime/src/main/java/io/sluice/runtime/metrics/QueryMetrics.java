package io.sluice.runtime.metrics;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one running query, shared by all its tasks (hence the concurrent counters).
 * Nothing that a query drops is dropped silently: malformed and late records are counted here
 * and the first malformed record is kept as an example.
 */
public final class QueryMetrics {
    /** Longest record text kept in an example. */
    private static final int EXAMPLE_LENGTH = 200;

    private final LongAdder recordsIn = new LongAdder();
    private final LongAdder recordsOut = new LongAdder();
    private final LongAdder malformedRecords = new LongAdder();
    private final LongAdder lateRecords = new LongAdder();
    private final LongAdder sourceRetries = new LongAdder();
    private final AtomicReference<MalformedRecord> firstMalformed = new AtomicReference<>();
    private final StateGauge state = new StateGauge();

    public void addRecordsIn(long count) {
        recordsIn.add(count);
    }

    public void addRecordsOut(long count) {
        recordsOut.add(count);
    }

    public void addLateRecords(long count) {
        lateRecords.add(count);
    }

    /** Counts a time a source lost its connection (a Kafka broker went away) and went on retrying. */
    public void addSourceRetry() {
        sourceRetries.increment();
    }

    /** Counts a record that could not be read and keeps the first one as an example. */
    public void reportMalformed(String location, String reason, CharSequence record) {
        malformedRecords.increment();
        if (firstMalformed.get() == null) {
            String text = record.length() > EXAMPLE_LENGTH
                    ? record.subSequence(0, EXAMPLE_LENGTH) + "…"
                    : record.toString();
            firstMalformed.compareAndSet(null, new MalformedRecord(location, reason, text));
        }
    }

    public long recordsIn() {
        return recordsIn.sum();
    }

    public long recordsOut() {
        return recordsOut.sum();
    }

    public long malformedRecords() {
        return malformedRecords.sum();
    }

    public long lateRecords() {
        return lateRecords.sum();
    }

    public long sourceRetries() {
        return sourceRetries.sum();
    }

    /** The keyed state the query's operators hold. */
    public StateGauge state() {
        return state;
    }

    /** The first malformed record seen, or null if there was none. */
    public MalformedRecord firstMalformed() {
        return firstMalformed.get();
    }
}
