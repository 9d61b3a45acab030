package io.sluice.runtime.connector.kafka;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceContext;
import io.sluice.runtime.connector.SourceFactory;
import io.sluice.runtime.format.DecoderFactory;
import io.sluice.runtime.format.FormatContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The {@code kafka} connector's source (kafka-clients 4.x), with Flink's option names so that
 * Flink DDL runs unchanged.
 *
 * <p>Options: {@code 'topic'} (required, one topic); {@code 'properties.bootstrap.servers'}
 * (required); {@code 'properties.group.id'}: the group the offsets of completed checkpoints are
 * committed to (the client's own auto-commit is off, and may not be turned on); any other
 * {@code 'properties.*'}, handed to the Kafka client as it is; {@code 'format'} or
 * {@code 'value.format'} (required), {@code csv} or {@code json}, with that format's options; {@code 'scan.startup.mode'}: {@code earliest-offset},
 * {@code latest-offset}, {@code group-offsets} (the default: the group's committed offsets, and
 * where there is none the earliest, or {@code 'properties.auto.offset.reset'} = {@code latest})
 * or {@code timestamp} with {@code 'scan.startup.timestamp-millis'}; {@code 'scan.bounded.mode'}:
 * {@code unbounded} (the default) or {@code latest-offset}: read up to the offsets that were the
 * latest when the query started, then end. A plain {@code SELECT} always reads that way.
 * {@code 'scan.topic-partition-discovery.interval'} is accepted: the partitions are those the
 * topic has when the query starts. The value holds every column
 * ({@code 'value.fields-include'} = {@code ALL}); {@code 'key.fields'} and {@code 'key.format'}
 * are for writing.
 *
 * <p>Partitions are dealt out to the source's parallel tasks: task {@code i} of {@code n} reads
 * the partitions whose number modulo {@code n} is {@code i}. With a watermark declared, each
 * partition has its own and the task's is their minimum; a partition with no record for
 * {@code 'scan.watermark.idle-timeout'} stops holding it back.
 *
 * <p>Metadata columns, as in Flink: {@code partition INT}, {@code offset BIGINT},
 * {@code timestamp TIMESTAMP_LTZ(3)} (or {@code TIMESTAMP(3)}), {@code topic STRING}, each
 * declared {@code METADATA [FROM 'key'] VIRTUAL}.
 *
 * <p>The bootstrap servers, and client properties that reach files or load classes, are checked
 * against the {@link io.sluice.runtime.security.AccessPolicy} when the table is created
 * ({@link KafkaClientAccess}).
 */
public final class KafkaSourceFactory implements SourceFactory {
    static final String STARTUP_MODE = "scan.startup.mode";
    static final String STARTUP_TIMESTAMP = "scan.startup.timestamp-millis";
    static final String BOUNDED_MODE = "scan.bounded.mode";
    static final String PARTITION_DISCOVERY = "scan.topic-partition-discovery.interval";
    private static final String AUTO_COMMIT = "enable.auto.commit";

    @Override
    public String identifier() {
        return "kafka";
    }

    @Override
    public Set<String> metadataKeys() {
        return KafkaMetadata.KEYS;
    }

    @Override
    public Source create(SourceContext context) {
        return create(context, false);
    }

    /**
     * The source of an {@code upsert-kafka} table (see
     * {@link io.sluice.runtime.connector.upsertkafka.UpsertKafkaSourceFactory}): the same reader,
     * its rows made of each record's key and value, read from the earliest offsets.
     */
    public static Source createUpsert(SourceContext context) {
        return create(context, true);
    }

    private static Source create(SourceContext context, boolean upsert) {
        ConnectorOptions options = context.options();
        Schema schema = context.schema();
        List<Field> physical = new ArrayList<>();
        int[] metadataColumns = new int[schema.getFields().size()];
        String[] metadataKeys = new String[schema.getFields().size()];
        int metadataCount = 0;
        for (int i = 0; i < schema.getFields().size(); i++) {
            Field field = schema.getFields().get(i);
            String key = context.metadata().get(field.getName());
            if (key == null) {
                physical.add(field);
                continue;
            }
            if (!KafkaMetadata.TYPES.get(key).equals(field.getType())) {
                throw new io.sluice.runtime.error.SluiceException(io.sluice.runtime.error.ErrorCode.TYPE_MISMATCH,
                        "the metadata column '" + field.getName() + "' of '" + context.tableName() + "' reads '" + key
                                + "', which is a " + KafkaMetadata.sqlType(key));
            }
            metadataColumns[metadataCount] = i;
            metadataKeys[metadataCount++] = key;
        }
        List<String> columns = physical.stream().map(Field::getName).toList();
        KafkaOptions kafka = upsert ? KafkaOptions.readUpsert(options, context.primaryKey(), context.accessPolicy())
                : KafkaOptions.read(options, schema.getFields().stream().map(Field::getName).toList(),
                        context.accessPolicy());
        if ("true".equalsIgnoreCase(String.valueOf(kafka.properties().get(AUTO_COMMIT)).trim())) {
            throw options.invalid(KafkaOptions.PROPERTIES + AUTO_COMMIT, "Sluice commits a group's offsets when a "
                    + "checkpoint holding them completes; the client's own commits would run ahead of checkpoints");
        }
        if (upsert) {
            DecoderFactory values = valueDecoders(context, physical, kafka.valueColumns(columns));
            if (!values.changelogMode().isInsertOnly()) {
                throw options.invalid(KafkaOptions.VALUE_FORMAT, "an upsert topic's values are rows, not changes: "
                        + "read a changelog format with connector 'kafka'");
            }
            // As Flink's upsert-kafka: the whole topic, from the start, makes the table.
            return new KafkaSource(context.tableName(), kafka, values,
                    upsertLayout(context, kafka, physical, columns), physical.size(),
                    java.util.Arrays.copyOf(metadataColumns, metadataCount), java.util.Arrays.copyOf(metadataKeys, metadataCount),
                    StartupMode.EARLIEST_OFFSET, -1, boundedMode(options), context.watermarks(), context.idleTimeout());
        }
        String[] startupNames = StartupMode.optionValues();
        StartupMode startup = StartupMode.of(options.getEnum(STARTUP_MODE, "group-offsets", startupNames));
        long startupTimestamp = options.getLong(STARTUP_TIMESTAMP, -1);
        if (startup == StartupMode.TIMESTAMP && startupTimestamp < 0) {
            throw options.invalid(STARTUP_TIMESTAMP, "is required with 'scan.startup.mode' = 'timestamp'");
        }
        if (startup != StartupMode.TIMESTAMP && options.contains(STARTUP_TIMESTAMP)) {
            throw options.invalid(STARTUP_TIMESTAMP, "applies only with 'scan.startup.mode' = 'timestamp'");
        }
        if (startup == StartupMode.GROUP_OFFSETS && options.contains(STARTUP_MODE)
                && !kafka.properties().containsKey("group.id")) {
            throw options.invalid(STARTUP_MODE, "'group-offsets' needs 'properties.group.id'");
        }
        boolean bounded = boundedMode(options);
        options.getDuration(PARTITION_DISCOVERY, Duration.ZERO);
        DecoderFactory decoders = valueDecoders(context, physical, kafka.valueColumns(columns));
        if (kafka.valueExceptKey()) {
            throw options.invalid(KafkaOptions.VALUE_FIELDS_INCLUDE, "EXCEPT_KEY cannot be read yet: "
                    + "a Kafka table that is read needs every column in the value");
        }
        return new KafkaSource(context.tableName(), kafka, decoders, null, physical.size(),
                java.util.Arrays.copyOf(metadataColumns, metadataCount), java.util.Arrays.copyOf(metadataKeys, metadataCount),
                startup, startupTimestamp, bounded, context.watermarks(), context.idleTimeout());
    }

    /** {@code 'scan.bounded.mode'}: true for {@code latest-offset}, reading up to the offsets latest at the start. */
    private static boolean boundedMode(ConnectorOptions options) {
        return options.getEnum(BOUNDED_MODE, "unbounded", "unbounded", "latest-offset").equals("latest-offset");
    }

    private static DecoderFactory valueDecoders(SourceContext context, List<Field> physical, int[] valueColumns) {
        ConnectorOptions options = context.options();
        ConnectorOptions valueOptions = KafkaOptions.valueFormatOptions(options);
        List<Field> fields = java.util.Arrays.stream(valueColumns).mapToObj(physical::get).toList();
        DecoderFactory decoders = context.formats().decoders(
                new FormatContext(context.tableName(), new Schema(fields), valueOptions));
        if (valueOptions != options) {
            valueOptions.checkAllUsed();
        }
        return decoders;
    }

    private static UpsertLayout upsertLayout(SourceContext context, KafkaOptions kafka, List<Field> physical,
                                             List<String> columns) {
        for (String key : kafka.keyFields()) {
            if (!columns.contains(key)) {
                throw context.options().invalid(KafkaOptions.KEY_FORMAT, "the primary key column '" + key
                        + "' is a metadata column; the key is read from the record's key");
            }
        }
        ConnectorOptions keyOptions = KafkaOptions.keyFormatOptions(context.options());
        Schema keySchema = kafka.keySchema(new Schema(physical));
        DecoderFactory keys = context.formats().decoders(new FormatContext(context.tableName(), keySchema, keyOptions));
        keyOptions.checkAllUsed();
        if (!keys.changelogMode().isInsertOnly()) {
            throw context.options().invalid(KafkaOptions.KEY_FORMAT, "a key's format cannot be a changelog format");
        }
        return new UpsertLayout(keys, keySchema, kafka.keyFields().stream().mapToInt(columns::indexOf).toArray(),
                kafka.valueColumns(columns));
    }
}
