package io.sluice.runtime.connector;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.Clock;
import io.sluice.runtime.format.FormatRegistry;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * What a {@link SourceFactory} is given to make a source.
 *
 * @param tableName the stream or table the source feeds, for messages
 * @param schema    the physical columns the source must produce, in this order; a field that is
 *                  not nullable is NOT NULL, and a record without it is malformed
 * @param options   the table's options; the factory reads the ones it knows
 * @param formats   where to find formats by name
 * @param clock     the engine's wall clock, for sources whose configuration depends on when the
 *                  table was created (such as a generator's default start time)
 */
public record SourceContext(String tableName, Schema schema, ConnectorOptions options, FormatRegistry formats,
        Clock clock) {
    public SourceContext {
        requireNonNull(tableName, "tableName is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(options, "options is null");
        requireNonNull(formats, "formats is null");
        requireNonNull(clock, "clock is null");
    }

    /** A context on the system clock. */
    public SourceContext(String tableName, Schema schema, ConnectorOptions options, FormatRegistry formats) {
        this(tableName, schema, options, formats, Clock.SYSTEM);
    }
}
