package io.sluice.bench.flink;

import io.sluice.bench.counting.SinkRows;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;

/** One sink task's counter: counts each row by kind, and adds its counts to the runner's when its input ends. */
final class CountingWriter implements SinkWriter<RowData> {
    private long added;
    private long retracted;

    @Override
    public void write(RowData row, Context context) {
        RowKind kind = row.getRowKind();
        if (kind == RowKind.UPDATE_BEFORE || kind == RowKind.DELETE) {
            retracted++;
        } else {
            added++;
        }
    }

    @Override
    public void flush(boolean endOfInput) {
        if (endOfInput) {
            SinkRows.add(added, retracted);
            added = 0;
            retracted = 0;
        }
    }

    @Override
    public void close() {
    }
}
