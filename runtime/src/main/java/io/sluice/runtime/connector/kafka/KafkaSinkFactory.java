package io.sluice.runtime.connector.kafka;

import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.connector.SinkContext;
import io.sluice.runtime.connector.SinkFactory;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.EncoderFactory;
import io.sluice.runtime.format.FormatContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The {@code kafka} connector's sink: each row becomes one record of the topic, its value in the
 * table's format, exactly once, at least once or with no guarantee, as
 * {@code 'sink.delivery-guarantee'} says.
 *
 * <p>Options, besides the topic, {@code 'properties.*'} and the format shared with the source:
 * {@code 'key.fields'}: columns, separated by {@code ;}, that make the record's key, in
 * {@code 'key.format'} (with {@code 'key.<format>.*'} options); without them records have no key.
 * {@code 'value.fields-include'}: {@code ALL} (the default) or {@code EXCEPT_KEY}, to leave the
 * key fields out of the value. {@code 'sink.partitioner'}: {@code default} (the client's: by key,
 * or sticky without one), {@code fixed} (each writing task to one partition) or
 * {@code round-robin}. {@code 'sink.delivery-guarantee'}: {@code at-least-once} (the default:
 * checkpoint barriers and the end of the job wait until every record sent is acknowledged),
 * {@code exactly-once} (in Kafka transactions committed when checkpoints complete, see
 * {@link TransactionalKafkaWriter}; {@code 'sink.transactional-id-prefix'} is then required, and
 * readers see the records with {@code isolation.level = read_committed}) or {@code none}.
 * {@code 'sink.parallelism'} is accepted and ignored.
 *
 * <p>The bootstrap servers, and client properties that reach files or load classes, are checked
 * against the {@link io.sluice.runtime.security.AccessPolicy} when the table is created
 * ({@link KafkaClientAccess}).
 */
public final class KafkaSinkFactory implements SinkFactory {
    static final String PARTITIONER = "sink.partitioner";
    static final String DELIVERY_GUARANTEE = "sink.delivery-guarantee";
    static final String TRANSACTIONAL_ID_PREFIX = "sink.transactional-id-prefix";
    static final String SINK_PARALLELISM = "sink.parallelism";
    static final String BUFFER_FLUSH_MAX_ROWS = "sink.buffer-flush.max-rows";
    static final String BUFFER_FLUSH_INTERVAL = "sink.buffer-flush.interval";

    @Override
    public String identifier() {
        return "kafka";
    }

    @Override
    public Sink create(SinkContext context) {
        return create(context, false);
    }

    /**
     * The sink of an {@code upsert-kafka} table (see
     * {@link io.sluice.runtime.connector.upsertkafka.UpsertKafkaSinkFactory}): the same producer,
     * writing each upsert as its key and value, each delete as its key and no value.
     */
    public static Sink createUpsert(SinkContext context) {
        return create(context, true);
    }

    private static Sink create(SinkContext context, boolean upsert) {
        ConnectorOptions options = context.options();
        Schema schema = context.schema();
        List<String> columns = schema.getFields().stream().map(Field::getName).toList();
        KafkaOptions kafka = upsert ? KafkaOptions.readUpsert(options, context.primaryKey(), context.accessPolicy())
                : KafkaOptions.read(options, columns, context.accessPolicy());
        String partitioner = upsert ? "default"
                : options.getEnum(PARTITIONER, "default", "default", "fixed", "round-robin");
        DeliveryGuarantee guarantee = DeliveryGuarantee.of(options.getEnum(DELIVERY_GUARANTEE,
                DeliveryGuarantee.AT_LEAST_ONCE.optionValue(), DeliveryGuarantee.EXACTLY_ONCE.optionValue(),
                DeliveryGuarantee.AT_LEAST_ONCE.optionValue(), DeliveryGuarantee.NONE.optionValue()));
        String prefix = options.optional(TRANSACTIONAL_ID_PREFIX).map(String::trim).orElse(null);
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE && (prefix == null || prefix.isEmpty())) {
            throw new SluiceException(ErrorCode.INVALID_OPTION, "connector '" + options.connector() + "' with '"
                    + DELIVERY_GUARANTEE + "' = 'exactly-once' requires the option '" + TRANSACTIONAL_ID_PREFIX
                    + "': the start of the ids of its Kafka transactions, unique to the job that writes the table");
        }
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE && kafka.properties().containsKey("transactional.id")) {
            throw options.invalid(KafkaOptions.PROPERTIES + "transactional.id", "the sink makes its transactional ids "
                    + "from '" + TRANSACTIONAL_ID_PREFIX + "'");
        }
        options.getInt(SINK_PARALLELISM, 1);
        if (upsert) {
            // The producer batches by itself (its linger.ms and batch.size), in place of Flink's buffer.
            options.getInt(BUFFER_FLUSH_MAX_ROWS, 0);
            options.getDuration(BUFFER_FLUSH_INTERVAL, java.time.Duration.ZERO);
        }

        int[] keyColumns = kafka.keyFields().stream().mapToInt(columns::indexOf).toArray();
        int[] valueColumns = kafka.valueColumns(columns);
        ConnectorOptions valueOptions = KafkaOptions.valueFormatOptions(options);
        EncoderFactory values = context.formats().encoders(new FormatContext(context.tableName(),
                select(schema, valueColumns), valueOptions));
        if (valueOptions != options) {
            valueOptions.checkAllUsed();
        }
        if (upsert && !values.changelogMode().isInsertOnly()) {
            throw options.invalid(KafkaOptions.VALUE_FORMAT, "an upsert topic's values are rows, not changes: "
                    + "write a changelog format with connector 'kafka'");
        }
        EncoderFactory keys = null;
        if (keyColumns.length > 0) {
            ConnectorOptions keyOptions = KafkaOptions.keyFormatOptions(options);
            keys = context.formats().encoders(new FormatContext(context.tableName(), kafka.keySchema(schema),
                    keyOptions));
            keyOptions.checkAllUsed();
        }
        ChangelogMode accepted = upsert ? ChangelogMode.UPSERT : values.changelogMode();
        return new KafkaSink(kafka, values, valueColumns, keys, keyColumns, partitioner, guarantee, prefix, accepted);
    }

    private static Schema select(Schema schema, int[] columns) {
        List<Field> fields = new ArrayList<>();
        for (int column : columns) {
            fields.add(schema.getFields().get(column));
        }
        return new Schema(fields);
    }
}
