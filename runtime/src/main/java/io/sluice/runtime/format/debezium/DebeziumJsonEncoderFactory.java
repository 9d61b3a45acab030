package io.sluice.runtime.format.debezium;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.format.EncoderFactory;
import io.sluice.runtime.format.RecordEncoder;

/** The validated settings of the {@code debezium-json} format for writing one table (see {@link DebeziumJsonFormatFactory}). */
final class DebeziumJsonEncoderFactory implements EncoderFactory {
    private final EncoderFactory rows;
    private final boolean schemaInclude;
    private final int columns;

    /**
     * @param rows    the {@code json} encoders of one row of the table
     * @param columns the table's columns, which the row-kind column may follow in a batch
     */
    DebeziumJsonEncoderFactory(EncoderFactory rows, boolean schemaInclude, int columns) {
        this.rows = requireNonNull(rows, "rows is null");
        this.schemaInclude = schemaInclude;
        this.columns = columns;
    }

    @Override
    public RecordEncoder create() {
        return new DebeziumJsonRecordEncoder(rows.create(), schemaInclude, columns);
    }

    @Override
    public ChangelogMode changelogMode() {
        return ChangelogMode.RETRACT;
    }
}
