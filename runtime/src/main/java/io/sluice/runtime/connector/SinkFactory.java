package io.sluice.runtime.connector;

import java.util.Set;

/**
 * Makes sinks of one connector, found by its name in {@code 'connector' = '...'} through
 * {@link java.util.ServiceLoader}, as {@link SourceFactory} makes sources. A connector may have a
 * source factory, a sink factory or both under the same name.
 */
public interface SinkFactory {
    /** The name users write, e.g. {@code print}. */
    String identifier();

    /** Other names accepted for the same connector, e.g. Flink's {@code filesystem}. */
    default Set<String> aliases() {
        return Set.of();
    }

    /**
     * Validates the options and makes a sink. Called when the table is created, so that a bad
     * option is reported at its {@code CREATE} statement. Reads every option it knows through
     * {@link ConnectorOptions}; the caller then rejects the ones nobody read.
     *
     * @throws io.sluice.runtime.error.SluiceException with {@code INVALID_OPTION}, naming the option
     */
    Sink create(SinkContext context);
}
