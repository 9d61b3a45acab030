package io.sluice.bench.flink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.sink.SinkV2Provider;
import org.apache.flink.table.data.RowData;

/**
 * A Flink table sink that takes every kind of row the query makes, update-befores included, and
 * counts them. Flink's own blackhole asks for no update-befores (an upsert changelog); this sink
 * asks for them, because Sluice's updating queries emit them too and because without them the
 * final row count of a sink without a key cannot be known.
 */
final class CountingTableSink implements DynamicTableSink {
    @Override
    public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
        return requestedMode;
    }

    @Override
    public SinkRuntimeProvider getSinkRuntimeProvider(Context context) {
        Sink<RowData> sink = initContext -> new CountingWriter();
        return SinkV2Provider.of(sink);
    }

    @Override
    public DynamicTableSink copy() {
        return new CountingTableSink();
    }

    @Override
    public String asSummaryString() {
        return "counting";
    }
}
