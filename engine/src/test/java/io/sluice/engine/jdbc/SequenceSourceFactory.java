package io.sluice.engine.jdbc;

import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceContext;
import io.sluice.runtime.connector.SourceFactory;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;

/**
 * {@code 'connector' = 'sequence'}: the test source that counts, for continuous results and
 * throughput. Options: {@code 'count'} (rows, then the source ends; without it the source never
 * ends) and {@code 'rows-per-second'} (without it, as fast as it can). See {@link SequenceSource}.
 */
public final class SequenceSourceFactory implements SourceFactory {
    @Override
    public String identifier() {
        return "sequence";
    }

    @Override
    public Source create(SourceContext context) {
        long count = context.options().getLong("count", -1);
        double rate = context.options().getDouble("rows-per-second", 0);
        if (rate < 0) {
            throw new SluiceException(ErrorCode.INVALID_OPTION, "'rows-per-second' must not be negative");
        }
        return new SequenceSource(context.tableName(), context.schema(), count, rate);
    }
}
