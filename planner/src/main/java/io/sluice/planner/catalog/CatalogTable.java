package io.sluice.planner.catalog;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.connector.Source;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * A stream or table backed by a connector, which may be read (it has a source), written
 * ({@code INSERT INTO}, it has a sink) or both.
 *
 * @param rowType         the table's columns: physical ones, read from and written to records,
 *                        metadata ones, which the source fills, and computed ones
 * @param rowtime         the event-time column and watermark, if declared
 * @param primaryKey      the declared primary key columns (not enforced), possibly empty
 * @param options         the {@code WITH} options as written
 * @param source          the configured source, made when the table was created; for a table
 *                        whose connector has none, one that says so when read
 * @param idleTimeout     {@code 'scan.watermark.idle-timeout'}, if set
 * @param sink            the configured sink, if the connector has one
 * @param metadataColumns the names of the metadata columns, which are read only
 * @param computedColumns the computed columns, in order, which are read only; the source reads
 *                        the other columns (its stored columns)
 */
public record CatalogTable(String name, TableKind kind, RelDataType rowType, Optional<Rowtime> rowtime,
                           List<String> primaryKey, Map<String, String> options, Source source,
                           Optional<Duration> idleTimeout, Optional<Sink> sink, List<String> metadataColumns,
                           List<ComputedColumn> computedColumns)
        implements CatalogEntry {
    public CatalogTable {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(rowType, "rowType is null");
        requireNonNull(rowtime, "rowtime is null");
        primaryKey = List.copyOf(primaryKey);
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        requireNonNull(source, "source is null");
        requireNonNull(idleTimeout, "idleTimeout is null");
        requireNonNull(sink, "sink is null");
        metadataColumns = List.copyOf(metadataColumns);
        computedColumns = List.copyOf(computedColumns);
    }

    /** A table without computed columns. */
    public CatalogTable(String name, TableKind kind, RelDataType rowType, Optional<Rowtime> rowtime,
                        List<String> primaryKey, Map<String, String> options, Source source,
                        Optional<Duration> idleTimeout, Optional<Sink> sink, List<String> metadataColumns) {
        this(name, kind, rowType, rowtime, primaryKey, options, source, idleTimeout, sink, metadataColumns, List.of());
    }

    /** A table that can only be read and has no metadata columns. */
    public CatalogTable(String name, TableKind kind, RelDataType rowType, Optional<Rowtime> rowtime,
                        List<String> primaryKey, Map<String, String> options, Source source,
                        Optional<Duration> idleTimeout) {
        this(name, kind, rowType, rowtime, primaryKey, options, source, idleTimeout, Optional.empty(), List.of(),
                List.of());
    }

    /** The columns an {@code INSERT INTO} writes, in order: all but the metadata and computed columns. */
    public List<RelDataTypeField> writableColumns() {
        List<RelDataTypeField> columns = new ArrayList<>();
        for (RelDataTypeField field : rowType.getFieldList()) {
            if (!metadataColumns.contains(field.getName()) && computed(field.getIndex()).isEmpty()) {
                columns.add(field);
            }
        }
        return columns;
    }

    /** The computed column at {@code index} among the table's columns, if that column is computed. */
    public Optional<ComputedColumn> computed(int index) {
        return computedColumns.stream().filter(column -> column.index() == index).findFirst();
    }

    /** The indexes of the columns the source reads (all but the computed ones), in order. */
    public int[] storedColumns() {
        return java.util.stream.IntStream.range(0, rowType.getFieldCount())
                .filter(index -> computed(index).isEmpty()).toArray();
    }
}
