package io.sluice.runtime.connector.upsertkafka;

import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.connector.SinkContext;
import io.sluice.runtime.connector.SinkFactory;
import io.sluice.runtime.connector.kafka.KafkaSinkFactory;

/**
 * The {@code upsert-kafka} connector's sink, with Flink's options: it takes an updating query and
 * writes it by the table's {@code PRIMARY KEY (...) NOT ENFORCED} (required). An insert or the new
 * value of an update ({@code +I}, {@code +U}) becomes a record of the key (in {@code 'key.format'})
 * and the row (in {@code 'value.format'}, without the key's columns with
 * {@code 'value.fields-include'} = {@code 'EXCEPT_KEY'}); a delete ({@code -D}) a record of the key
 * and no value, a tombstone, which Kafka's compaction takes as the key's end; an update's old value
 * ({@code -U}) is not written. Records of one key go to one partition (the client hashes the key),
 * so their order holds. {@code 'sink.buffer-flush.max-rows'} and
 * {@code 'sink.buffer-flush.interval'} are accepted: the producer batches records itself
 * ({@code 'properties.linger.ms'}, {@code 'properties.batch.size'}). Delivery is as
 * {@code 'sink.delivery-guarantee'} says, as for the {@code kafka} connector: at least once by
 * default, or exactly once in transactions committed with checkpoints
 * ({@code 'sink.transactional-id-prefix'} required).
 */
public final class UpsertKafkaSinkFactory implements SinkFactory {
    @Override
    public String identifier() {
        return "upsert-kafka";
    }

    @Override
    public Sink create(SinkContext context) {
        return KafkaSinkFactory.createUpsert(context);
    }
}
