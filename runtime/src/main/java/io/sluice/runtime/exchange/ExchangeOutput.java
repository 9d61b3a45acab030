package io.sluice.runtime.exchange;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.vector.Batches;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The producer side of an exchange for one task: copies each batch (the batch is only lent) and
 * routes it by the partitioning; watermarks, idleness, barriers and the end go to every consumer.
 */
public final class ExchangeOutput implements IdleAwareOutput {
    private final Exchange exchange;
    private final int producer;
    private final Partitioning partitioning;
    private final int consumers;
    private int[] targets = new int[0];
    private int[] ordered = new int[0];
    private boolean ended;

    public ExchangeOutput(Exchange exchange, int producer, Partitioning partitioning) {
        this.exchange = requireNonNull(exchange, "exchange is null");
        this.producer = producer;
        this.partitioning = requireNonNull(partitioning, "partitioning is null");
        this.consumers = exchange.spec().consumers();
    }

    @Override
    public void emit(VectorSchemaRoot batch) {
        if (batch.getRowCount() == 0) {
            return;
        }
        if (consumers == 1 || partitioning instanceof Partitioning.Gather) {
            // one consumer takes every row whatever the partitioning: no hashing, a block copy
            sendCopy(0, batch);
        } else if (partitioning instanceof Partitioning.Forward) {
            sendCopy(producer, batch);
        } else if (partitioning instanceof Partitioning.Broadcast) {
            for (int consumer = 0; consumer < consumers; consumer++) {
                sendCopy(consumer, batch);
            }
        } else {
            scatter(((Partitioning.Hash) partitioning).partitioner(), batch);
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        for (int consumer = 0; consumer < consumers; consumer++) {
            exchange.send(consumer, new ExchangeMessage.Watermark(producer, watermark));
        }
    }

    /** Nothing is buffered here: every batch was sent when emitted, so the barrier follows it. */
    @Override
    public void emitBarrier(long checkpointId) {
        for (int consumer = 0; consumer < consumers; consumer++) {
            exchange.send(consumer, new ExchangeMessage.Barrier(producer, checkpointId));
        }
    }

    /** Tells the consumers this producer has nothing to send for now, or has again. */
    @Override
    public void markIdle(boolean idle) {
        for (int consumer = 0; consumer < consumers; consumer++) {
            exchange.send(consumer, new ExchangeMessage.Idle(producer, idle));
        }
    }

    /**
     * Tells the consumers this producer has ended. Only a finished task says so: a task that stops
     * without finishing (it failed, or the job was stopped) sends no end, since its consumers
     * would take its partial output for a complete one; the job is stopping, and they stop too.
     */
    @Override
    public void finish() {
        if (!ended) {
            ended = true;
            for (int consumer = 0; consumer < consumers; consumer++) {
                exchange.send(consumer, new ExchangeMessage.End(producer));
            }
        }
    }

    private void sendCopy(int consumer, VectorSchemaRoot batch) {
        exchange.send(consumer, new ExchangeMessage.Data(producer, Batches.copy(batch, exchange.allocator())));
    }

    /** Sends each consumer the rows the partitioner gives it, grouped with one pass per consumer. */
    private void scatter(Partitioner partitioner, VectorSchemaRoot batch) {
        int rows = batch.getRowCount();
        if (targets.length < rows) {
            targets = new int[rows];
            ordered = new int[rows];
        }
        partitioner.partition(batch, consumers, targets);
        int[] starts = new int[consumers + 1];
        for (int row = 0; row < rows; row++) {
            starts[targets[row] + 1]++;
        }
        for (int consumer = 0; consumer < consumers; consumer++) {
            starts[consumer + 1] += starts[consumer];
        }
        int[] next = java.util.Arrays.copyOf(starts, consumers);
        for (int row = 0; row < rows; row++) {
            ordered[next[targets[row]]++] = row;
        }
        for (int consumer = 0; consumer < consumers; consumer++) {
            int count = starts[consumer + 1] - starts[consumer];
            if (count == 0) {
                continue;
            }
            int[] selection = starts[consumer] == 0 ? ordered
                    : java.util.Arrays.copyOfRange(ordered, starts[consumer], starts[consumer + 1]);
            exchange.send(consumer, new ExchangeMessage.Data(producer,
                    Batches.take(batch, selection, count, exchange.allocator())));
        }
    }
}
