package io.sluice.runtime.connector.kafka;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.format.EncoderFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/** A Kafka topic written by one producer per writing task (see {@link KafkaSinkFactory}). */
final class KafkaSink implements Sink {
    private final KafkaOptions options;
    private final EncoderFactory values;
    private final int[] valueColumns;
    private final EncoderFactory keys;
    private final int[] keyColumns;
    private final String partitioner;
    private final boolean atLeastOnce;
    private final ChangelogMode accepted;

    /**
     * @param keys     the key's encoders, or null for records without a key
     * @param accepted insert-only; retract for a changelog value format, whose encoder writes each
     *                 row's kind; upsert for an upsert topic, written by key with a tombstone per delete
     */
    KafkaSink(KafkaOptions options, EncoderFactory values, int[] valueColumns, EncoderFactory keys, int[] keyColumns,
              String partitioner, boolean atLeastOnce, ChangelogMode accepted) {
        this.options = requireNonNull(options, "options is null");
        this.values = requireNonNull(values, "values is null");
        this.valueColumns = valueColumns.clone();
        this.keys = keys;
        this.keyColumns = keyColumns.clone();
        this.partitioner = requireNonNull(partitioner, "partitioner is null");
        this.atLeastOnce = atLeastOnce;
        this.accepted = requireNonNull(accepted, "accepted is null");
    }

    @Override
    public ChangelogMode acceptedChangelog() {
        return accepted;
    }

    @Override
    public Output createOutput(TaskContext context) {
        int partitions = KafkaTopics.partitions(options.properties(), options.topic(), options.checkTimeout());
        Map<String, Object> config = new HashMap<>();
        options.properties().forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        if (atLeastOnce) {
            config.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        }
        Integer fixedPartition = partitioner.equals("fixed") ? context.taskIndex() % partitions : null;
        return new KafkaWriter(options.topic(), config, values.create(), valueColumns,
                keys == null ? null : keys.create(), keyColumns, fixedPartition,
                partitioner.equals("round-robin") ? partitions : 0, accepted, context);
    }

    @Override
    public void check() {
        KafkaTopics.partitions(options.properties(), options.topic(), options.checkTimeout());
    }

    @Override
    public String describe() {
        return (accepted == ChangelogMode.UPSERT ? "upsert-kafka" : "kafka") + "(topic=" + options.topic()
                + ", bootstrap.servers=" + options.properties().get("bootstrap.servers") + ")";
    }
}
