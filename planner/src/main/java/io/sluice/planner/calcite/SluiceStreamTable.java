package io.sluice.planner.calcite;

import io.sluice.planner.catalog.CatalogTable;
import org.apache.calcite.schema.StreamableTable;
import org.apache.calcite.schema.Table;

/**
 * A catalog table read as a stream ({@code SELECT STREAM}). Calcite lets a table be read either
 * as a stream or as a relation, never both, so each query sees the form its modality asks for.
 */
public final class SluiceStreamTable extends SluiceTable implements StreamableTable {
    public SluiceStreamTable(CatalogTable table) {
        super(table);
    }

    @Override
    public Table stream() {
        return this;
    }
}
