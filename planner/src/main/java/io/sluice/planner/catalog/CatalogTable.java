package io.sluice.planner.catalog;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.connector.Source;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A stream or table backed by a connector.
 *
 * @param rowType     the table's columns, all read from the source
 * @param rowtime     the event-time column and watermark, if declared
 * @param primaryKey  the declared primary key columns (not enforced), possibly empty
 * @param options     the {@code WITH} options as written
 * @param source      the configured source, made when the table was created
 * @param idleTimeout {@code 'scan.watermark.idle-timeout'}, if set
 */
public record CatalogTable(String name, TableKind kind, RelDataType rowType, Optional<Rowtime> rowtime,
                           List<String> primaryKey, Map<String, String> options, Source source,
                           Optional<Duration> idleTimeout) implements CatalogEntry {
    public CatalogTable {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(rowType, "rowType is null");
        requireNonNull(rowtime, "rowtime is null");
        primaryKey = List.copyOf(primaryKey);
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        requireNonNull(source, "source is null");
        requireNonNull(idleTimeout, "idleTimeout is null");
    }
}
