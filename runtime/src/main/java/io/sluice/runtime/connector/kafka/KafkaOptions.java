package io.sluice.runtime.connector.kafka;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.security.AccessPolicy;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 */
record KafkaOptions(String topic, Map<String, Object> properties, Duration checkTimeout, List<String> keyFields,
                    boolean valueExceptKey) {
    static final String TOPIC = "topic";
    static final String PROPERTIES = "properties.";
    static final String FORMAT = "format";
    static final String VALUE_FORMAT = "value.format";
    static final String KEY_FORMAT = "key.format";
    static final String KEY_FIELDS = "key.fields";
    static final String VALUE_FIELDS_INCLUDE = "value.fields-include";
    private static final Duration DEFAULT_CHECK_TIMEOUT = Duration.ofSeconds(10);

    KafkaOptions {
        requireNonNull(topic, "topic is null");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        requireNonNull(checkTimeout, "checkTimeout is null");
        keyFields = List.copyOf(keyFields);
    }

    /** Reads the shared options, checking the client properties against the access policy. */
    static KafkaOptions read(ConnectorOptions options, List<String> columns, AccessPolicy policy) {
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
        return new KafkaOptions(topic, properties, checkTimeout, keyFields, exceptKey);
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
        return new ConnectorOptions(options.connector(), sub);
    }
}
