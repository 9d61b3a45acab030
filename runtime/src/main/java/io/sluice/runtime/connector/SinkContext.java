package io.sluice.runtime.connector;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.format.FormatRegistry;
import io.sluice.runtime.security.AccessPolicy;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * What a {@link SinkFactory} is given to make a sink.
 *
 * @param tableName  the stream or table written to, for messages
 * @param schema     the columns every batch written has, in this order
 * @param primaryKey the declared primary key columns, possibly empty: a sink that can update
 *                   rows (a database) writes upserts by this key
 * @param options    the table's options; the factory reads the ones it knows
 * @param formats    where to find formats by name
 * @param accessPolicy the paths, hosts and JDBC URLs the sink may reach: checked when the sink is
 *                   made, and again when it opens what may have changed since
 */
public record SinkContext(String tableName, Schema schema, List<String> primaryKey, ConnectorOptions options,
                          FormatRegistry formats, AccessPolicy accessPolicy) {
    public SinkContext {
        requireNonNull(tableName, "tableName is null");
        requireNonNull(schema, "schema is null");
        primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey is null"));
        requireNonNull(options, "options is null");
        requireNonNull(formats, "formats is null");
        requireNonNull(accessPolicy, "accessPolicy is null");
    }

    /** A sink under no access restriction. */
    public SinkContext(String tableName, Schema schema, List<String> primaryKey, ConnectorOptions options,
                       FormatRegistry formats) {
        this(tableName, schema, primaryKey, options, formats, AccessPolicy.OPEN);
    }
}
