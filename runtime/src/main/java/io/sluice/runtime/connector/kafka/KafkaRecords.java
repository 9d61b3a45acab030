package io.sluice.runtime.connector.kafka;

import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.format.RecordBuffer;
import io.sluice.runtime.format.RecordEncoder;
import io.sluice.runtime.vector.ColumnViews;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns a writing task's rows into records of the topic and sends them: each row's value (and
 * key) encoded, to the partition the sink's partitioner picks. With an upsert sink a delete is a
 * record of its key and no value, and the old value of an update is not written; with a
 * changelog format the value's encoder writes each row's kind.
 */
final class KafkaRecords {
    private final String topic;
    private final RecordEncoder values;
    private final int[] valueColumns;
    private final RecordEncoder keys;
    private final int[] keyColumns;
    private final Integer fixedPartition;
    private final int roundRobinPartitions;
    private final ChangelogMode accepted;
    private final RecordBuffer buffer = new RecordBuffer();
    private int nextPartition;
    private VectorSchemaRoot bound;
    private VectorSchemaRoot valueView;
    private VectorSchemaRoot keyView;
    /** The bound batch's row kinds, or null when it has none (its rows are inserts). */
    private TinyIntVector kinds;

    /**
     * @param keys                 the key's encoder, or null for records without a key
     * @param fixedPartition       the one partition this task writes to, or null
     * @param roundRobinPartitions the partitions to take in turn, or 0 to leave the choice to the client
     * @param firstPartition       the partition round-robin starts at
     */
    KafkaRecords(String topic, RecordEncoder values, int[] valueColumns, RecordEncoder keys, int[] keyColumns,
                 Integer fixedPartition, int roundRobinPartitions, int firstPartition, ChangelogMode accepted) {
        this.topic = topic;
        this.values = values;
        this.valueColumns = valueColumns;
        this.keys = keys;
        this.keyColumns = keyColumns;
        this.fixedPartition = fixedPartition;
        this.roundRobinPartitions = roundRobinPartitions;
        this.nextPartition = firstPartition;
        this.accepted = accepted;
    }

    String topic() {
        return topic;
    }

    /** Sends a record per row of the batch (none for the old value of an update to an upsert topic). */
    void send(VectorSchemaRoot batch, Producer<byte[], byte[]> producer, Callback callback) {
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
