package io.sluice.runtime.job;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.operator.ChainedOutput;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.TwoInputOperator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Counts what enters a node of a task's chain (an operator, or the pipeline's output) and the time
 * the call took: two clock reads per batch or watermark, nothing per row.
 */
final class MeteredOutput implements Output {
    private final Output downstream;
    private final OperatorMetrics node;
    private final int task;
    private final TwoInputOperator twoInputs;

    MeteredOutput(Output downstream, OperatorMetrics node, int task) {
        this.downstream = requireNonNull(downstream, "downstream is null");
        this.node = requireNonNull(node, "node is null");
        this.task = task;
        this.twoInputs = downstream instanceof ChainedOutput chained
                && chained.operator() instanceof TwoInputOperator operator ? operator : null;
    }

    @Override
    public void emit(VectorSchemaRoot batch) {
        // counted before it is handed on, so that no reader sees rows the count has not got yet
        node.addBatch(batch.getRowCount());
        long start = System.nanoTime();
        try {
            downstream.emit(batch);
        } finally {
            node.addNanos(System.nanoTime() - start);
        }
    }

    /** Hands a batch to one input of the two-input operator this output feeds. */
    void emit(int input, VectorSchemaRoot batch) {
        node.addBatch(batch.getRowCount());
        long start = System.nanoTime();
        try {
            twoInputs.process(input, batch);
        } finally {
            node.addNanos(System.nanoTime() - start);
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        node.reportWatermark(task, watermark);
        long start = System.nanoTime();
        try {
            downstream.emitWatermark(watermark);
        } finally {
            node.addNanos(System.nanoTime() - start);
        }
    }

    @Override
    public void finish() {
        long start = System.nanoTime();
        try {
            downstream.finish();
        } finally {
            node.addNanos(System.nanoTime() - start);
        }
    }

    @Override
    public void close() {
        downstream.close();
    }
}
