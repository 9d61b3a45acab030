package io.sluice.runtime.format;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.connector.ConnectorOptions;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * What a format is given: the columns it decodes into and the table's options (it reads those
 * that start with its name).
 */
public record FormatContext(String tableName, Schema schema, ConnectorOptions options) {
    public FormatContext {
        requireNonNull(tableName, "tableName is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(options, "options is null");
    }
}
