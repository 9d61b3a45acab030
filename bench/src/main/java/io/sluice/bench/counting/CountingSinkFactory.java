package io.sluice.bench.counting;

import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.connector.SinkContext;
import io.sluice.runtime.connector.SinkFactory;

/**
 * The {@code counting} connector of the Nexmark runner for Sluice: a blackhole that counts what
 * it is given, so that the runner can check that both engines' sinks received the same rows. It
 * has no options. Flink has a connector of the same name and behaviour
 * ({@link io.sluice.bench.flink.CountingTableFactory}), so that one query text serves both.
 */
public final class CountingSinkFactory implements SinkFactory {
    @Override
    public String identifier() {
        return "counting";
    }

    @Override
    public Sink create(SinkContext context) {
        return new CountingSink();
    }
}
