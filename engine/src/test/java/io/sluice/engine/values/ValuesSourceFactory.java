package io.sluice.engine.values;

import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceContext;
import io.sluice.runtime.connector.SourceFactory;

/** {@code 'connector' = 'values'}: the source tests feed row by row (see {@link ValuesSource}). */
public final class ValuesSourceFactory implements SourceFactory {
    @Override
    public String identifier() {
        return "values";
    }

    @Override
    public Source create(SourceContext context) {
        return new ValuesSource(context);
    }
}
