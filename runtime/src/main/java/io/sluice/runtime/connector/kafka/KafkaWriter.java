package io.sluice.runtime.connector.kafka;

import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.RecordBuffer;
import io.sluice.runtime.format.RecordEncoder;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.vector.ColumnViews;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task's producer: encodes each row's value (and key) and sends it. The client batches and
 * retries sends by itself; the first send that fails for good fails the job at the next call.
 * {@link #finish()} waits until every record sent is acknowledged; {@link #close()} after a stop
 * does the same within a bounded time.
 */
final class KafkaWriter implements Output {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaWriter.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final KafkaProducer<byte[], byte[]> producer;
    private final RecordEncoder values;
    private final int[] valueColumns;
    private final RecordEncoder keys;
    private final int[] keyColumns;
    private final Integer fixedPartition;
    private final int roundRobinPartitions;
    private final ChangelogMode accepted;
    private final TaskContext context;
    private final RecordBuffer buffer = new RecordBuffer();
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    private final Callback callback = (metadata, exception) -> {
        if (exception != null) {
            sendFailure.compareAndSet(null, exception);
        }
    };
    private int nextPartition;
    private VectorSchemaRoot bound;
    private VectorSchemaRoot valueView;
    private VectorSchemaRoot keyView;
    /** The bound batch's row kinds, or null when it has none (its rows are inserts). */
    private TinyIntVector kinds;
    private boolean closed;

    /**
     * @param keys                 the key's encoder, or null for records without a key
     * @param fixedPartition       the one partition this task writes to, or null
     * @param roundRobinPartitions the partitions to take in turn, or 0 to leave the choice to the client
     * @param accepted             the sink's changelog mode: with upsert, a delete is a record of its key
     *                             and no value, and the old value of an update is not written; with
     *                             retract, the value's changelog format writes each row's kind
     */
    KafkaWriter(String topic, Map<String, Object> config, RecordEncoder values, int[] valueColumns, RecordEncoder keys,
                int[] keyColumns, Integer fixedPartition, int roundRobinPartitions, ChangelogMode accepted,
                TaskContext context) {
        this.topic = topic;
        this.values = values;
        this.valueColumns = valueColumns;
        this.keys = keys;
        this.keyColumns = keyColumns;
        this.fixedPartition = fixedPartition;
        this.roundRobinPartitions = roundRobinPartitions;
        this.accepted = accepted;
        this.context = context;
        this.nextPartition = context.taskIndex();
        try {
            this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        } catch (KafkaException e) {
            throw new SluiceException(ErrorCode.INVALID_OPTION, "Kafka sink of topic '" + topic
                    + "': the producer cannot be made: " + e.getMessage(), e);
        }
    }

    @Override
    public void emit(VectorSchemaRoot batch) {
        throwSendFailure();
        bind(batch);
        for (int row = 0; row < batch.getRowCount(); row++) {
            byte kind = kinds == null ? RowKind.INSERT.code() : kinds.get(row);
            if (accepted == ChangelogMode.UPSERT && kind == RowKind.UPDATE_BEFORE.code()) {
                continue;
            }
            byte[] value = null;
            if (accepted != ChangelogMode.UPSERT || kind != RowKind.DELETE.code()) {
                buffer.clear();
                values.encode(valueView, row, buffer);
                value = buffer.toByteArray();
            }
            byte[] key = null;
            if (keys != null) {
                buffer.clear();
                keys.encode(keyView, row, buffer);
                key = buffer.toByteArray();
            }
            producer.send(new ProducerRecord<>(topic, partition(), key, value), callback);
        }
    }

    private Integer partition() {
        if (fixedPartition != null) {
            return fixedPartition;
        }
        if (roundRobinPartitions > 0) {
            int partition = nextPartition;
            nextPartition = (nextPartition + 1) % roundRobinPartitions;
            return partition;
        }
        return null;
    }

    @Override
    public void emitWatermark(long watermark) {
        throwSendFailure();
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
            LOG.warn("Kafka sink of topic '{}' (task {}): a record could not be written: {}", topic,
                    context.taskIndex(), failure.toString());
        }
    }

    private void throwSendFailure() {
        Exception failure = sendFailure.get();
        if (failure != null) {
            throw new SluiceException(ErrorCode.IO_ERROR, "Kafka sink: writing to topic '" + topic + "' failed: "
                    + failure.getMessage(), failure);
        }
    }

    /** Views of the batch's value and key columns, so that each encoder sees the columns it was made for. */
    private void bind(VectorSchemaRoot batch) {
        if (batch == bound) {
            return;
        }
        bound = batch;
        kinds = RowKinds.carried(batch) ? RowKinds.of(batch) : null;
        int[] columns = valueColumns;
        if (kinds != null && accepted == ChangelogMode.RETRACT) {
            // The changelog format reads each row's kind after the value's columns.
            columns = java.util.Arrays.copyOf(valueColumns, valueColumns.length + 1);
            columns[valueColumns.length] = batch.getFieldVectors().size() - 1;
        }
        valueView = columns.length == batch.getFieldVectors().size() ? batch : ColumnViews.of(batch, columns);
        keyView = keys == null ? null : ColumnViews.of(batch, keyColumns);
    }
}
