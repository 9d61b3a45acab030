package io.sluice.engine.jdbc;

import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceContext;
import io.sluice.runtime.connector.SourceFactory;

/** {@code 'connector' = 'live'}: the test source a test feeds while queries read it (see {@link LiveSource}). */
public final class LiveSourceFactory implements SourceFactory {
    @Override
    public String identifier() {
        return "live";
    }

    @Override
    public Source create(SourceContext context) {
        return new LiveSource(context);
    }
}
