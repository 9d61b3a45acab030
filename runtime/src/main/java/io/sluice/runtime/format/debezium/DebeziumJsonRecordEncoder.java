package io.sluice.runtime.format.debezium;

import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.format.RecordBuffer;
import io.sluice.runtime.format.RecordEncoder;
import io.sluice.runtime.vector.ColumnViews;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes a row as a Debezium change, as Flink does: a row that adds ({@code +I}, {@code +U}) as
 * {@code {"before":null,"after":ROW,"op":"c"}}, one that takes away ({@code -U}, {@code -D}) as
 * {@code {"before":ROW,"after":null,"op":"d"}}, ROW in the {@code json} format. A batch without
 * the row-kind column holds inserts.
 */
final class DebeziumJsonRecordEncoder implements RecordEncoder {
    private static final byte[] ADD = ascii("{\"before\":null,\"after\":");
    private static final byte[] ADDED = ascii(",\"op\":\"c\"}");
    private static final byte[] TAKE = ascii("{\"before\":");
    private static final byte[] TAKEN = ascii(",\"after\":null,\"op\":\"d\"}");
    private static final byte[] PAYLOAD = ascii("{\"schema\":null,\"payload\":");

    private final RecordEncoder rows;
    private final boolean schemaInclude;
    private final int columns;
    private VectorSchemaRoot bound;
    private VectorSchemaRoot view;
    private TinyIntVector kinds;

    DebeziumJsonRecordEncoder(RecordEncoder rows, boolean schemaInclude, int columns) {
        this.rows = rows;
        this.schemaInclude = schemaInclude;
        this.columns = columns;
    }

    @Override
    public void encode(VectorSchemaRoot batch, int row, RecordBuffer out) {
        if (batch != bound) {
            bound = batch;
            boolean carried = RowKinds.carried(batch);
            view = carried ? ColumnViews.leading(batch, columns) : batch;
            kinds = carried ? RowKinds.of(batch) : null;
        }
        boolean adds = kinds == null || !RowKind.retracts(kinds.get(row));
        if (schemaInclude) {
            out.append(PAYLOAD);
        }
        out.append(adds ? ADD : TAKE);
        rows.encode(view, row, out);
        out.append(adds ? ADDED : TAKEN);
        if (schemaInclude) {
            out.append((byte) '}');
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
