package io.sluice.runtime.metrics;

import io.sluice.runtime.operator.Watermarks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one running query, shared by all its tasks (hence the concurrent counters).
 * Nothing that a query drops is dropped silently: malformed and late records are counted here
 * and the first malformed record is kept as an example.
 *
 * <p>These are plain counters that cost a task an add per batch; the engine reads them into a
 * metrics registry. The query's plan nodes have counters of their own ({@link #operators()});
 * {@link #forOperator} gives an operator a view of the query's metrics whose state gauge is the
 * operator's, and whose late records are counted for the operator too.
 */
public final class QueryMetrics {
    /** Longest record text kept in an example. */
    private static final int EXAMPLE_LENGTH = 200;

    private final LongAdder recordsIn;
    private final LongAdder recordsOut;
    private final LongAdder bytesIn;
    private final LongAdder bytesOut;
    private final LongAdder malformedRecords;
    private final LongAdder lateRecords;
    private final LongAdder sourceRetries;
    private final LongAdder backPressureNanos;
    private final AtomicReference<MalformedRecord> firstMalformed;
    private final Map<String, OperatorMetrics> operators;
    private final StateGauge queryState;
    private final StateGauge state;
    /** The operator whose view these are, or null for the query's own. */
    private final OperatorMetrics operator;

    public QueryMetrics() {
        this.recordsIn = new LongAdder();
        this.recordsOut = new LongAdder();
        this.bytesIn = new LongAdder();
        this.bytesOut = new LongAdder();
        this.malformedRecords = new LongAdder();
        this.lateRecords = new LongAdder();
        this.sourceRetries = new LongAdder();
        this.backPressureNanos = new LongAdder();
        this.firstMalformed = new AtomicReference<>();
        this.operators = new ConcurrentHashMap<>();
        this.queryState = new StateGauge();
        this.state = queryState;
        this.operator = null;
    }

    private QueryMetrics(QueryMetrics query, OperatorMetrics operator) {
        this.recordsIn = query.recordsIn;
        this.recordsOut = query.recordsOut;
        this.bytesIn = query.bytesIn;
        this.bytesOut = query.bytesOut;
        this.malformedRecords = query.malformedRecords;
        this.lateRecords = query.lateRecords;
        this.sourceRetries = query.sourceRetries;
        this.backPressureNanos = query.backPressureNanos;
        this.firstMalformed = query.firstMalformed;
        this.operators = query.operators;
        this.queryState = query.queryState;
        this.state = operator.state();
        this.operator = operator;
    }

    /**
     * The counters of a node of the query's plan, made on first use: a job that restarts goes on
     * counting into the same ones.
     *
     * @param position    the node's place in its pipeline, from 0; a pipeline's output follows its operators
     * @param sink        true for the output of a pipeline that ends at the query's sink
     * @param parallelism the pipeline's tasks
     */
    public OperatorMetrics operator(String pipeline, int position, String name, boolean sink, int parallelism) {
        return operators.computeIfAbsent(pipeline + "/" + position,
                key -> new OperatorMetrics(pipeline, position, name, sink, parallelism, queryState));
    }

    /** The plan's nodes, by pipeline and then position. */
    public List<OperatorMetrics> operators() {
        List<OperatorMetrics> list = new ArrayList<>(operators.values());
        list.sort(Comparator.comparing(OperatorMetrics::pipeline).thenComparingInt(OperatorMetrics::position));
        return list;
    }

    /**
     * A node's own time: its inclusive time less that of the node after it in the pipeline, into
     * which it pushed its output in the same call.
     */
    public long ownNanos(OperatorMetrics node) {
        OperatorMetrics next = operators.get(node.pipeline() + "/" + (node.position() + 1));
        return Math.max(0, node.inclusiveNanos() - (next == null ? 0 : next.inclusiveNanos()));
    }

    /** The rows a node emitted: those the node after it took, or for a pipeline's output, those it took. */
    public long rowsOut(OperatorMetrics node) {
        OperatorMetrics next = operators.get(node.pipeline() + "/" + (node.position() + 1));
        return next == null ? node.rowsIn() : next.rowsIn();
    }

    /**
     * These metrics as an operator sees them: its state is reported to its own gauge (and the
     * query's), its late records counted for it (and the query).
     */
    public QueryMetrics forOperator(OperatorMetrics node) {
        return new QueryMetrics(this, node);
    }

    /**
     * The watermark the query's output has reached: the smallest over the pipelines that end at its
     * sink, {@link Watermarks#NONE} before it has one.
     */
    public long watermark() {
        long min = Long.MAX_VALUE;
        boolean any = false;
        for (OperatorMetrics node : operators.values()) {
            if (node.isSink()) {
                any = true;
                min = Math.min(min, node.watermark());
            }
        }
        return any ? min : Watermarks.NONE;
    }

    public void addRecordsIn(long count) {
        recordsIn.add(count);
    }

    public void addRecordsOut(long count) {
        recordsOut.add(count);
    }

    /** Counts the bytes of the Arrow batches sources read. */
    public void addBytesIn(long bytes) {
        bytesIn.add(bytes);
    }

    /** Counts the bytes of the Arrow batches the query's sink took. */
    public void addBytesOut(long bytes) {
        bytesOut.add(bytes);
    }

    /** Counts time a task waited to hand a batch to a full exchange queue. */
    public void addBackPressureNanos(long nanos) {
        backPressureNanos.add(nanos);
    }

    public void addLateRecords(long count) {
        lateRecords.add(count);
        if (operator != null) {
            operator.addLateRecords(count);
        }
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

    public long bytesIn() {
        return bytesIn.sum();
    }

    public long bytesOut() {
        return bytesOut.sum();
    }

    /** Time tasks spent waiting on full exchange queues, summed over tasks, in nanoseconds. */
    public long backPressureNanos() {
        return backPressureNanos.sum();
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

    /** The keyed state the query's operators hold (in an operator's view, that operator's). */
    public StateGauge state() {
        return state;
    }

    /** The first malformed record seen, or null if there was none. */
    public MalformedRecord firstMalformed() {
        return firstMalformed.get();
    }
}
