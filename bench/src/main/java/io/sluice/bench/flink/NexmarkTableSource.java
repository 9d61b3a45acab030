package io.sluice.bench.flink;

import static java.util.Objects.requireNonNull;

import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.connector.source.SourceProvider;
import org.apache.flink.table.connector.source.abilities.SupportsProjectionPushDown;
import org.apache.flink.table.types.DataType;

/**
 * A Nexmark table in Flink's planner: an insert-only scan of a {@link NexmarkFlinkSource}. It
 * makes only the columns a query uses, as Sluice's own {@code nexmark} connector reads only them.
 */
final class NexmarkTableSource implements ScanTableSource, SupportsProjectionPushDown {
    private NexmarkTableSpec spec;

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
    public boolean supportsNestedProjection() {
        return false;
    }

    @Override
    public void applyProjection(int[][] projectedFields, DataType producedDataType) {
        int[] fields = spec.fields();
        int[] chosen = new int[projectedFields.length];
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = fields[projectedFields[i][0]];
        }
        spec = new NexmarkTableSpec(spec.kind(), spec.eventsPerSecond(), spec.personProportion(),
                spec.auctionProportion(), spec.bidProportion(), spec.baseTimeMillis(), spec.eventCount(), spec.seed(),
                chosen);
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
