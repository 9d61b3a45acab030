package io.sluice.runtime.metrics;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.operator.Watermarks;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one node of a running plan, summed over its pipeline's tasks: an operator, or the
 * pipeline's output (an exchange or a sink). Written by task threads between batches, read by
 * anyone (SHOW QUERIES, EXPLAIN ANALYZE, a metrics registry).
 *
 * <p>{@link #inclusiveNanos()} is the time spent in the node and everything it pushed to
 * downstream in the same task, as push-based calls nest; {@code QueryMetrics} knows the order of a
 * pipeline's nodes and takes the next node's time off to give a node's own.
 */
public final class OperatorMetrics {
    private final String pipeline;
    private final int position;
    private final String name;
    private final boolean sink;
    private final LongAdder rowsIn = new LongAdder();
    private final LongAdder inclusiveNanos = new LongAdder();
    private final LongAdder lateRecords = new LongAdder();
    private final AtomicLongArray watermarks;
    private final StateGauge state;

    /**
     * @param position the node's place in its pipeline, from 0; the output comes after the operators
     * @param sink     true for the output of a pipeline that ends at the query's sink
     */
    OperatorMetrics(String pipeline, int position, String name, boolean sink, int parallelism, StateGauge queryState) {
        this.pipeline = requireNonNull(pipeline, "pipeline is null");
        this.position = position;
        this.name = requireNonNull(name, "name is null");
        this.sink = sink;
        this.watermarks = new AtomicLongArray(parallelism);
        for (int i = 0; i < parallelism; i++) {
            watermarks.set(i, Watermarks.NONE);
        }
        this.state = new StateGauge(queryState);
    }

    public String pipeline() {
        return pipeline;
    }

    public int position() {
        return position;
    }

    public String name() {
        return name;
    }

    /** True for the output of a pipeline that ends at the query's sink. */
    public boolean isSink() {
        return sink;
    }

    /** Counts the rows of a batch the node takes. */
    public void addBatch(int rows) {
        rowsIn.add(rows);
    }

    /** Counts time the node and its downstream spent on a batch, a watermark or the end of input. */
    public void addNanos(long nanos) {
        inclusiveNanos.add(nanos);
    }

    /** Counts rows the node dropped as late (the query's count has them too). */
    void addLateRecords(long count) {
        lateRecords.add(count);
    }

    /** Records the watermark one task of the pipeline passed to the node. */
    public void reportWatermark(int task, long watermark) {
        if (task < watermarks.length()) {
            watermarks.set(task, watermark);
        }
    }

    public long rowsIn() {
        return rowsIn.sum();
    }

    /** Rows the node dropped because every window holding them had fired. */
    public long lateRecords() {
        return lateRecords.sum();
    }

    public long inclusiveNanos() {
        return inclusiveNanos.sum();
    }

    /**
     * The watermark the node has reached: the smallest its tasks were given, or
     * {@link Watermarks#NONE} while one of them has had none.
     */
    public long watermark() {
        long min = Watermarks.END;
        for (int i = 0; i < watermarks.length(); i++) {
            min = Math.min(min, watermarks.get(i));
        }
        return min;
    }

    /** The keyed state the node's tasks hold (a part of the query's). */
    public StateGauge state() {
        return state;
    }
}
