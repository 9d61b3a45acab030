package io.sluice.runtime.connector.kafka;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.security.AccessPolicy;
import java.time.Duration;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The options a Kafka table's source and sink share, with Flink's names: the topic, the client
 * properties ({@code 'properties.*'}, handed to the Kafka clients as they are), and the key and
 * value layout.
 *
 * @param checkTimeout how long to wait for the cluster when a statement starts: the client
 *                     property {@code default.api.timeout.ms}, or 10 s
 * @param keyFields    the columns {@code 'key.fields'} names, in order, possibly none
 * @param valueExceptKey true for {@code 'value.fields-include' = 'EXCEPT_KEY'}: the value holds
 *                     the columns that are not key fields
 * @param keyPrefix    {@code 'key.fields-prefix'}: what the key fields' column names start with and
 *                     their names in the key's format do not, possibly empty
 */
record KafkaOptions(String topic, Map<String, Object> properties, Duration checkTimeout, List<String> keyFields,
                    boolean valueExceptKey, String keyPrefix) {
    static final String TOPIC = "topic";
    static final String PROPERTIES = "properties.";
    static final String FORMAT = "format";
    static final String VALUE_FORMAT = "value.format";
    static final String KEY_FORMAT = "key.format";
    static final String KEY_FIELDS = "key.fields";
    static final String VALUE_FIELDS_INCLUDE = "value.fields-include";
    static final String KEY_FIELDS_PREFIX = "key.fields-prefix";
    private static final Duration DEFAULT_CHECK_TIMEOUT = Duration.ofSeconds(10);

    KafkaOptions {
        requireNonNull(topic, "topic is null");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        requireNonNull(checkTimeout, "checkTimeout is null");
        keyFields = List.copyOf(keyFields);
        requireNonNull(keyPrefix, "keyPrefix is null");
    }

    /** Reads the shared options, checking the client properties against the access policy. */
    static KafkaOptions read(ConnectorOptions options, List<String> columns, AccessPolicy policy) {
        KafkaOptions connection = readConnection(options, policy);
        List<String> keyFields = options.optional(KEY_FIELDS)
                .map(value -> List.of(value.split(";")).stream().map(String::trim).toList())
                .orElse(List.of());
        for (String field : keyFields) {
            if (!columns.contains(field)) {
                throw options.invalid(KEY_FIELDS, "'" + field + "' is not a column of the table");
            }
        }
        boolean exceptKey = options.getEnum(VALUE_FIELDS_INCLUDE, "ALL", "ALL", "EXCEPT_KEY").equals("EXCEPT_KEY");
        if (!keyFields.isEmpty() && !options.contains(KEY_FORMAT)) {
            throw options.invalid(KEY_FIELDS, "needs 'key.format', the format of the key");
        }
        if (keyFields.isEmpty() && options.contains(KEY_FORMAT)) {
            throw options.invalid(KEY_FORMAT, "needs 'key.fields', the columns of the key");
        }
        if (exceptKey && keyFields.isEmpty()) {
            throw options.invalid(VALUE_FIELDS_INCLUDE, "EXCEPT_KEY needs 'key.fields'");
        }
        return new KafkaOptions(connection.topic, connection.properties, connection.checkTimeout, keyFields, exceptKey,
                "");
    }

    /**
     * Reads the options of an {@code upsert-kafka} table: its key is the primary key, in
     * {@code 'key.format'}, and its value in {@code 'value.format'}, both required.
     */
    static KafkaOptions readUpsert(ConnectorOptions options, List<String> primaryKey, AccessPolicy policy) {
        KafkaOptions connection = readConnection(options, policy);
        if (primaryKey.isEmpty()) {
            throw new SluiceException(ErrorCode.INVALID_OPTION, "connector 'upsert-kafka' needs the table's "
                    + "PRIMARY KEY (...) NOT ENFORCED: it is the key of the topic's records");
        }
        options.required(KEY_FORMAT);
        options.required(VALUE_FORMAT);
        boolean exceptKey = options.getEnum(VALUE_FIELDS_INCLUDE, "ALL", "ALL", "EXCEPT_KEY").equals("EXCEPT_KEY");
        String prefix = options.get(KEY_FIELDS_PREFIX, "");
        if (!prefix.isEmpty()) {
            if (!exceptKey) {
                throw options.invalid(KEY_FIELDS_PREFIX, "needs 'value.fields-include' = 'EXCEPT_KEY'");
            }
            for (String field : primaryKey) {
                if (!field.startsWith(prefix)) {
                    throw options.invalid(KEY_FIELDS_PREFIX, "the key column '" + field + "' does not start with '"
                            + prefix + "'");
                }
            }
        }
        return new KafkaOptions(connection.topic, connection.properties, connection.checkTimeout, primaryKey, exceptKey,
                prefix);
    }

    /** The topic and the client properties, without the key and value layout. */
    private static KafkaOptions readConnection(ConnectorOptions options, AccessPolicy policy) {
        String topic = options.required(TOPIC).trim();
        if (topic.isEmpty() || topic.contains(";")) {
            throw options.invalid(TOPIC, "'" + topic + "' must name one topic");
        }
        options.required(PROPERTIES + "bootstrap.servers");
        Map<String, Object> properties = new LinkedHashMap<>(options.withPrefix(PROPERTIES));
        KafkaClientAccess.check(properties, policy, options);
        Duration checkTimeout = DEFAULT_CHECK_TIMEOUT;
        Object apiTimeout = properties.get("default.api.timeout.ms");
        if (apiTimeout != null) {
            try {
                checkTimeout = Duration.ofMillis(Long.parseLong(apiTimeout.toString().trim()));
            } catch (NumberFormatException e) {
                throw options.invalid(PROPERTIES + "default.api.timeout.ms", "'" + apiTimeout + "' is not a number of ms");
            }
        }
        return new KafkaOptions(topic, properties, checkTimeout, List.of(), false, "");
    }

    /** The value's columns: every column, or with EXCEPT_KEY those that are not key fields. */
    int[] valueColumns(List<String> columns) {
        return java.util.stream.IntStream.range(0, columns.size())
                .filter(c -> !valueExceptKey || !keyFields.contains(columns.get(c))).toArray();
    }

    /**
     * The schema the key's format reads and writes: the key fields' columns, named without the
     * {@code 'key.fields-prefix'}.
     */
    Schema keySchema(Schema schema) {
        List<Field> fields = new ArrayList<>();
        for (String name : keyFields) {
            Field field = schema.findField(name);
            fields.add(new Field(name.substring(keyPrefix.length()), field.getFieldType(), field.getChildren()));
        }
        return new Schema(fields);
    }

    /**
     * The table's options as a value format reads them: {@code 'value.format'} is Flink's other
     * name for {@code 'format'}, and {@code 'value.<format>.*'} for {@code '<format>.*'}.
     */
    static ConnectorOptions valueFormatOptions(ConnectorOptions options) {
        if (!options.contains(VALUE_FORMAT)) {
            return options;
        }
        if (options.contains(FORMAT)) {
            throw options.invalid(VALUE_FORMAT, "give either 'format' or 'value.format', not both");
        }
        return subOptions(options, "value.");
    }

    /** The options of the key's format: {@code 'key.format'} and {@code 'key.<format>.*'}. */
    static ConnectorOptions keyFormatOptions(ConnectorOptions options) {
        return subOptions(options, "key.");
    }

    private static ConnectorOptions subOptions(ConnectorOptions options, String prefix) {
        Map<String, String> sub = new LinkedHashMap<>(options.withPrefix(prefix));
        sub.remove("fields");
        sub.remove("fields-include");
        sub.remove("fields-prefix");
        return new ConnectorOptions(options.connector(), sub);
    }
}
