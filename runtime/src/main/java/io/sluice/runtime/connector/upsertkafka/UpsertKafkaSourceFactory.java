package io.sluice.runtime.connector.upsertkafka;

import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceContext;
import io.sluice.runtime.connector.SourceFactory;
import io.sluice.runtime.connector.kafka.KafkaSourceFactory;

/**
 * The {@code upsert-kafka} connector's source, with Flink's options: a topic read as the changes
 * of a table keyed by its {@code PRIMARY KEY (...) NOT ENFORCED} (required). A record's key, in
 * {@code 'key.format'}, holds the key's columns (named without {@code 'key.fields-prefix'}); its
 * value, in {@code 'value.format'}, the other columns ({@code 'value.fields-include'} =
 * {@code 'EXCEPT_KEY'}) or all of them ({@code 'ALL'}, the default). A record with a value makes
 * its key's row that value ({@code +U}); a record without one (a tombstone) deletes it ({@code -D}).
 * The topic is read from its earliest offsets, to its end with {@code 'scan.bounded.mode'} =
 * {@code 'latest-offset'} (or in a plain {@code SELECT}); {@code 'topic'}, {@code 'properties.*'}
 * and metadata columns are as for {@code kafka}. The planner puts a normalising step after the source
 * (it keeps each key's last row) so that the rest of the query sees inserts, updates with their
 * old values, and deletes of rows that were there.
 */
public final class UpsertKafkaSourceFactory implements SourceFactory {
    @Override
    public String identifier() {
        return "upsert-kafka";
    }

    @Override
    public java.util.Set<String> metadataKeys() {
        return new KafkaSourceFactory().metadataKeys();
    }

    @Override
    public Source create(SourceContext context) {
        return KafkaSourceFactory.createUpsert(context);
    }
}
