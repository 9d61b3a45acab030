package io.sluice.runtime.connector.kafka;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.connector.SinkCommitter;
import io.sluice.runtime.format.EncoderFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * A Kafka topic written by one producer per writing task (see {@link KafkaSinkFactory}): exactly
 * once in transactions ({@link TransactionalKafkaWriter}, committed by a {@link KafkaCommitter}),
 * or at least once or with no guarantee ({@link KafkaWriter}).
 */
final class KafkaSink implements Sink {
    private static final int TRANSACTION_TIMEOUT_MILLIS = 15 * 60 * 1000;
    private final KafkaOptions options;
    private final EncoderFactory values;
    private final int[] valueColumns;
    private final EncoderFactory keys;
    private final int[] keyColumns;
    private final String partitioner;
    private final DeliveryGuarantee guarantee;
    private final String transactionalIdPrefix;
    private final ChangelogMode accepted;

    /**
     * @param keys     the key's encoders, or null for records without a key
     * @param transactionalIdPrefix what the ids of an exactly-once sink's transactions start with, or null
     * @param accepted insert-only; retract for a changelog value format, whose encoder writes each
     *                 row's kind; upsert for an upsert topic, written by key with a tombstone per delete
     */
    KafkaSink(KafkaOptions options, EncoderFactory values, int[] valueColumns, EncoderFactory keys, int[] keyColumns,
              String partitioner, DeliveryGuarantee guarantee, String transactionalIdPrefix, ChangelogMode accepted) {
        this.options = requireNonNull(options, "options is null");
        this.values = requireNonNull(values, "values is null");
        this.valueColumns = valueColumns.clone();
        this.keys = keys;
        this.keyColumns = keyColumns.clone();
        this.partitioner = requireNonNull(partitioner, "partitioner is null");
        this.guarantee = requireNonNull(guarantee, "guarantee is null");
        this.transactionalIdPrefix = transactionalIdPrefix;
        this.accepted = requireNonNull(accepted, "accepted is null");
    }

    @Override
    public ChangelogMode acceptedChangelog() {
        return accepted;
    }

    @Override
    public Output createOutput(TaskContext context) {
        int partitions = KafkaTopics.partitions(options.properties(), options.topic(), options.checkTimeout());
        Map<String, Object> config = producerConfig();
        Integer fixedPartition = partitioner.equals("fixed") ? context.taskIndex() % partitions : null;
        KafkaRecords records = new KafkaRecords(options.topic(), values.create(), valueColumns,
                keys == null ? null : keys.create(), keyColumns, fixedPartition,
                partitioner.equals("round-robin") ? partitions : 0, context.taskIndex() % partitions, accepted);
        return guarantee == DeliveryGuarantee.EXACTLY_ONCE
                ? new TransactionalKafkaWriter(records, config, transactionalIdPrefix, context)
                : new KafkaWriter(records, config, guarantee == DeliveryGuarantee.AT_LEAST_ONCE, context);
    }

    /** Exactly once, the transactions the writing tasks sealed are committed when their checkpoint completes. */
    @Override
    public Optional<SinkCommitter> committer() {
        return guarantee == DeliveryGuarantee.EXACTLY_ONCE
                ? Optional.of(new KafkaCommitter(options.topic(), producerConfig()))
                : Optional.empty();
    }

    /** Exactly once, rows are in transactions that only a completed checkpoint commits. */
    @Override
    public Optional<String> needsCheckpoints() {
        return guarantee == DeliveryGuarantee.EXACTLY_ONCE
                ? Optional.of("'" + KafkaSinkFactory.DELIVERY_GUARANTEE + "' = '" + guarantee.optionValue()
                        + "' makes its rows visible only when a checkpoint completes")
                : Optional.empty();
    }

    /**
     * The client properties a producer takes. Exactly once, a transaction may stay open from one
     * checkpoint to when the next completes: unless set, it may last 15 minutes (the broker's
     * default most, {@code transaction.max.timeout.ms}).
     */
    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        options.properties().forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        if (guarantee != DeliveryGuarantee.NONE) {
            config.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        }
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            config.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MILLIS);
        }
        return config;
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
