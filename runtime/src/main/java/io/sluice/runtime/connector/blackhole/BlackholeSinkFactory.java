package io.sluice.runtime.connector.blackhole;

import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.connector.SinkContext;
import io.sluice.runtime.connector.SinkFactory;

/**
 * The {@code blackhole} connector: takes every row and keeps none, for measuring a pipeline
 * without the cost of writing its results. It counts the rows it was given ({@code SHOW QUERIES}
 * shows them as the job's records out). It has no options ({@code 'sink.parallelism'} is
 * accepted and ignored).
 */
public final class BlackholeSinkFactory implements SinkFactory {
    @Override
    public String identifier() {
        return "blackhole";
    }

    @Override
    public Sink create(SinkContext context) {
        context.options().getInt("sink.parallelism", 1);
        return new BlackholeSink();
    }
}
