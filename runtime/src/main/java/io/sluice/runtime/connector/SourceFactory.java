package io.sluice.runtime.connector;

import java.util.Set;

/**
 * Makes sources of one connector, found by its name in {@code 'connector' = '...'} through
 * {@link java.util.ServiceLoader}.
 */
public interface SourceFactory {
    /** The name users write, e.g. {@code file}. */
    String identifier();

    /** Other names accepted for the same connector, e.g. Flink's {@code filesystem}. */
    default Set<String> aliases() {
        return Set.of();
    }

    /**
     * The metadata a table of this connector may declare as columns ({@code ... METADATA}), such
     * as a Kafka record's {@code offset}. A table that declares any other is rejected.
     */
    default Set<String> metadataKeys() {
        return Set.of();
    }

    /**
     * Validates the options and makes a source. Called when the table is created, so that a bad
     * option is reported at its {@code CREATE} statement. Reads every option it knows through
     * {@link ConnectorOptions}; the caller then rejects the ones nobody read.
     *
     * @throws io.sluice.runtime.error.SluiceException with {@code INVALID_OPTION}, naming the option
     */
    Source create(SourceContext context);
}
