package io.sluice.bench.flink;

import static java.util.Objects.requireNonNull;

import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.connector.source.SourceProvider;

/** A Nexmark table in Flink's planner: an insert-only scan of a {@link NexmarkFlinkSource}. */
final class NexmarkTableSource implements ScanTableSource {
    private final NexmarkTableSpec spec;

    NexmarkTableSource(NexmarkTableSpec spec) {
        this.spec = requireNonNull(spec, "spec is null");
    }

    @Override
    public ChangelogMode getChangelogMode() {
        return ChangelogMode.insertOnly();
    }

    @Override
    public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
        return SourceProvider.of(new NexmarkFlinkSource(spec));
    }

    @Override
    public DynamicTableSource copy() {
        return new NexmarkTableSource(spec);
    }

    @Override
    public String asSummaryString() {
        return spec.toString();
    }
}
