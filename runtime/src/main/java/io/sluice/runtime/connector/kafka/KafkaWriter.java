package io.sluice.runtime.connector.kafka;

import io.sluice.runtime.connector.TwoPhaseCommitOutput;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.task.TaskContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task's producer, at least once or with no guarantee: encodes each row's value (and key)
 * and sends it. The client batches and retries sends by itself; the first send that fails for
 * good fails the job at the next call. At least once, a checkpoint barrier waits until every
 * record sent before it is acknowledged, so that a job resumed from the checkpoint has lost none
 * (it may write some again); {@link #finish()} waits the same way, and {@link #close()} after a
 * stop within a bounded time.
 */
final class KafkaWriter implements TwoPhaseCommitOutput {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaWriter.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final byte[] NOTHING_TO_COMMIT = new byte[0];

    private final KafkaRecords records;
    private final boolean flushAtBarriers;
    private final KafkaProducer<byte[], byte[]> producer;
    private final TaskContext context;
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    private final Callback callback = (metadata, exception) -> {
        if (exception != null) {
            sendFailure.compareAndSet(null, exception);
        }
    };
    private boolean closed;

    /** @param flushAtBarriers true at least once: a checkpoint waits for what was sent before it */
    KafkaWriter(KafkaRecords records, Map<String, Object> config, boolean flushAtBarriers, TaskContext context) {
        this.records = records;
        this.flushAtBarriers = flushAtBarriers;
        this.context = context;
        try {
            this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        } catch (KafkaException e) {
            throw new SluiceException(ErrorCode.INVALID_OPTION, "Kafka sink of topic '" + records.topic()
                    + "': the producer cannot be made: " + e.getMessage(), e);
        }
    }

    @Override
    public void emit(VectorSchemaRoot batch) {
        throwSendFailure();
        records.send(batch, producer, callback);
    }

    @Override
    public void emitWatermark(long watermark) {
        throwSendFailure();
    }

    @Override
    public byte[] prepareCommit(long checkpointId) {
        if (flushAtBarriers) {
            producer.flush();
        }
        throwSendFailure();
        return NOTHING_TO_COMMIT;
    }

    @Override
    public void finish() {
        producer.flush();
        throwSendFailure();
    }

    /** Sends what is still buffered (after a stop too) and lets the producer go. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        producer.close(CLOSE_TIMEOUT);
        Exception failure = sendFailure.get();
        if (failure != null) {
            LOG.warn("Kafka sink of topic '{}' (task {}): a record could not be written: {}", records.topic(),
                    context.taskIndex(), failure.toString());
        }
    }

    private void throwSendFailure() {
        Exception failure = sendFailure.get();
        if (failure != null) {
            throw new SluiceException(ErrorCode.IO_ERROR, "Kafka sink: writing to topic '" + records.topic()
                    + "' failed: " + failure.getMessage(), failure);
        }
    }
}
