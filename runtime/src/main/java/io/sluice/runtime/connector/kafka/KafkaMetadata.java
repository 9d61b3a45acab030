package io.sluice.runtime.connector.kafka;

import io.sluice.runtime.vector.ColumnTypes;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** The metadata of a Kafka record a table may read as columns, with the type each column must have. */
final class KafkaMetadata {
    static final String TOPIC = "topic";
    static final String PARTITION = "partition";
    static final String OFFSET = "offset";
    static final String TIMESTAMP = "timestamp";

    static final Map<String, ArrowType> TYPES = Map.of(
            TOPIC, ColumnTypes.VARCHAR,
            PARTITION, ColumnTypes.INT,
            OFFSET, ColumnTypes.BIGINT,
            TIMESTAMP, ColumnTypes.TIMESTAMP);

    static final Set<String> KEYS = TYPES.keySet();

    static String sqlType(String key) {
        return switch (key) {
            case TOPIC -> "STRING";
            case PARTITION -> "INT";
            case OFFSET -> "BIGINT";
            default -> "TIMESTAMP_LTZ(3)";
        };
    }

    private KafkaMetadata() {
    }
}
