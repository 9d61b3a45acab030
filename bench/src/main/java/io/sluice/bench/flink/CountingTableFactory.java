package io.sluice.bench.flink;

import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.factories.DynamicTableSinkFactory;
import org.apache.flink.table.factories.FactoryUtil;

/**
 * The {@code counting} connector for Flink: a blackhole that counts what it is given by row kind
 * into {@link io.sluice.bench.counting.SinkRows}, as Sluice's connector of the same name does,
 * so that the runner can check that both engines' sinks received the same rows. It has no options.
 */
public final class CountingTableFactory implements DynamicTableSinkFactory {
    @Override
    public String factoryIdentifier() {
        return "counting";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }

    @Override
    public DynamicTableSink createDynamicTableSink(Context context) {
        FactoryUtil.createTableFactoryHelper(this, context).validate();
        return new CountingTableSink();
    }
}
