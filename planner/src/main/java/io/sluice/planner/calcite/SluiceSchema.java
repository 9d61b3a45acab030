package io.sluice.planner.calcite;

import static java.util.Objects.requireNonNull;

import io.sluice.planner.catalog.Catalog;
import io.sluice.planner.catalog.CatalogEntry;
import io.sluice.planner.catalog.CatalogTable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** The catalog's tables as one Calcite schema, read as streams or as relations. */
public final class SluiceSchema extends AbstractSchema {
    private final Catalog catalog;
    private final boolean streams;

    public SluiceSchema(Catalog catalog, boolean streams) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.streams = streams;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (CatalogEntry entry : catalog.entries()) {
            if (entry instanceof CatalogTable table) {
                tables.put(table.name(), streams ? new SluiceStreamTable(table) : new SluiceTable(table));
            }
        }
        return tables;
    }
}
