package io.sluice.engine.query;

import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.JobControl;
import io.sluice.runtime.vector.Batches;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Where a query's last task leaves its result batches for the client's thread. Bounded, so a
 * client that reads slowly slows the query instead of filling memory. Batches are copies owned
 * by the queue until the client takes them.
 */
final class ResultQueue {
    /** Marks the end of the result. */
    static final Object END = new Object();

    private static final int CAPACITY = 8;
    private static final long WAIT_MILLIS = 50;

    private final BlockingQueue<Object> items = new ArrayBlockingQueue<>(CAPACITY + 1);
    private final BufferAllocator allocator;

    ResultQueue(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    /** The output the query's last task writes into. */
    Output output(QueryMetrics metrics, JobControl job) {
        return new Output() {
            @Override
            public void emit(VectorSchemaRoot batch) {
                VectorSchemaRoot copy = Batches.copy(batch, allocator);
                metrics.addRecordsOut(copy.getRowCount());
                metrics.addBytesOut(Batches.bytes(copy));
                offer(copy, job);
            }

            @Override
            public void emitWatermark(long watermark) {
            }

            @Override
            public void finish() {
                offer(END, job);
            }
        };
    }

    /** The next batch or {@link #END}, or null if nothing arrived within a short wait. */
    Object poll() throws InterruptedException {
        return items.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The next batch or {@link #END} if one is queued, else null at once. */
    Object pollNow() {
        return items.poll();
    }

    /** Frees the batches no one will read, then the queue's allocator. */
    void close() {
        Object item;
        while ((item = items.poll()) != null) {
            if (item instanceof VectorSchemaRoot batch) {
                batch.close();
            }
        }
        allocator.close();
    }

    private void offer(Object item, JobControl job) {
        try {
            while (!items.offer(item, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                if (job.isStopping()) {
                    if (item instanceof VectorSchemaRoot batch) {
                        batch.close();
                    }
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (item instanceof VectorSchemaRoot batch) {
                batch.close();
            }
        }
    }
}
