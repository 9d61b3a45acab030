package io.sluice.runtime.format.debezium;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.format.DecoderFactory;
import io.sluice.runtime.format.RecordDecoder;
import io.sluice.runtime.vector.ColumnViews;
import org.apache.arrow.vector.VectorSchemaRoot;

/** The validated settings of the {@code debezium-json} format for reading one table (see {@link DebeziumJsonFormatFactory}). */
final class DebeziumJsonDecoderFactory implements DecoderFactory {
    private final JsonFactory json = new JsonFactory();
    private final DecoderFactory rows;
    private final boolean schemaInclude;
    private final int columns;

    /**
     * @param rows    the {@code json} decoders of one row of the table
     * @param columns the table's columns, which the row-kind column follows in a target
     */
    DebeziumJsonDecoderFactory(DecoderFactory rows, boolean schemaInclude, int columns) {
        this.rows = requireNonNull(rows, "rows is null");
        this.schemaInclude = schemaInclude;
        this.columns = columns;
    }

    @Override
    public RecordDecoder create(VectorSchemaRoot target) {
        if (target.getFieldVectors().size() != columns + 1 || !RowKinds.carried(target)) {
            throw new IllegalArgumentException("a debezium-json target has the table's " + columns
                    + " columns and the row kind, not " + target.getSchema());
        }
        return new DebeziumJsonRecordDecoder(json, rows.create(ColumnViews.leading(target, columns)),
                RowKinds.of(target), schemaInclude);
    }

    @Override
    public ChangelogMode changelogMode() {
        return ChangelogMode.RETRACT;
    }
}
