package io.sluice.runtime.exchange;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.vector.Batches;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The producer side of an exchange for one task: copies each batch (the batch is only lent) and
 * routes it by the partitioning; watermarks, idleness and the end go to every consumer.
 */
public final class ExchangeOutput implements IdleAwareOutput {
    private final Exchange exchange;
    private final int producer;
    private final Partitioning partitioning;
    private final int consumers;
    private int[] targets = new int[0];
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
        if (partitioning instanceof Partitioning.Gather) {
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

    /** Tells the consumers this producer has nothing to send for now, or has again. */
    @Override
    public void markIdle(boolean idle) {
        for (int consumer = 0; consumer < consumers; consumer++) {
            exchange.send(consumer, new ExchangeMessage.Idle(producer, idle));
        }
    }

    @Override
    public void finish() {
        end();
    }

    /** Also ends the consumers' wait for this producer when the task stops without finishing. */
    @Override
    public void close() {
        end();
    }

    private void end() {
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

    private void scatter(Partitioner partitioner, VectorSchemaRoot batch) {
        int rows = batch.getRowCount();
        if (targets.length < rows) {
            targets = new int[rows];
        }
        partitioner.partition(batch, consumers, targets);
        VectorSchemaRoot[] parts = new VectorSchemaRoot[consumers];
        try {
            for (int row = 0; row < rows; row++) {
                int target = targets[row];
                if (parts[target] == null) {
                    parts[target] = VectorSchemaRoot.create(batch.getSchema(), exchange.allocator());
                }
                Batches.appendRows(batch, row, 1, parts[target]);
            }
            for (int consumer = 0; consumer < consumers; consumer++) {
                if (parts[consumer] != null) {
                    VectorSchemaRoot part = parts[consumer];
                    parts[consumer] = null;
                    exchange.send(consumer, new ExchangeMessage.Data(producer, part));
                }
            }
        } finally {
            for (VectorSchemaRoot part : parts) {
                if (part != null) {
                    part.close();
                }
            }
        }
    }
}
