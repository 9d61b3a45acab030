package io.sluice.runtime.connector;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.Clock;
import io.sluice.runtime.format.FormatRegistry;
import io.sluice.runtime.operator.WatermarkStrategy;
import io.sluice.runtime.security.AccessPolicy;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * What a {@link SourceFactory} is given to make a source.
 *
 * @param tableName   the stream or table the source feeds, for messages
 * @param schema      the columns the source must produce, in this order; a field that is not
 *                    nullable is NOT NULL, and a record without it is malformed
 * @param options     the table's options; the factory reads the ones it knows
 * @param formats     where to find formats by name
 * @param watermarks  the table's watermark, for sources that track it per split (a Kafka reader
 *                    per partition); others leave it to the task
 * @param idleTimeout {@code 'scan.watermark.idle-timeout'}: after how long without records a
 *                    split stops holding the watermark back
 * @param metadata    the metadata columns, by name, with the key each reads (e.g. {@code offset});
 *                    only keys the factory lists in {@link SourceFactory#metadataKeys()}. The
 *                    other columns of the schema are read from the records.
 * @param clock       the engine's wall clock, for sources whose configuration depends on when the
 *                    table was created (such as a generator's default start time)
 * @param accessPolicy the paths and hosts the source may reach: checked when the source is made,
 *                    and again when it opens what may have changed since
 * @param primaryKey  the declared primary key columns, possibly empty: an upsert source's rows are
 *                    keyed by it
 */
public record SourceContext(String tableName, Schema schema, ConnectorOptions options, FormatRegistry formats,
                            Optional<WatermarkStrategy> watermarks, Optional<Duration> idleTimeout,
                            Map<String, String> metadata, Clock clock, AccessPolicy accessPolicy,
                            List<String> primaryKey) {
    public SourceContext {
        requireNonNull(tableName, "tableName is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(options, "options is null");
        requireNonNull(formats, "formats is null");
        requireNonNull(watermarks, "watermarks is null");
        requireNonNull(idleTimeout, "idleTimeout is null");
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(metadata, "metadata is null")));
        requireNonNull(clock, "clock is null");
        requireNonNull(accessPolicy, "accessPolicy is null");
        primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey is null"));
    }

    /** A table without a primary key. */
    public SourceContext(String tableName, Schema schema, ConnectorOptions options, FormatRegistry formats,
                         Optional<WatermarkStrategy> watermarks, Optional<Duration> idleTimeout,
                         Map<String, String> metadata, Clock clock, AccessPolicy accessPolicy) {
        this(tableName, schema, options, formats, watermarks, idleTimeout, metadata, clock, accessPolicy, List.of());
    }

    /** A table with no watermark and no metadata columns, on the system clock, under no access restriction. */
    public SourceContext(String tableName, Schema schema, ConnectorOptions options, FormatRegistry formats) {
        this(tableName, schema, options, formats, Clock.SYSTEM);
    }

    /** A table with no watermark and no metadata columns, under no access restriction. */
    public SourceContext(String tableName, Schema schema, ConnectorOptions options, FormatRegistry formats, Clock clock) {
        this(tableName, schema, options, formats, Optional.empty(), Optional.empty(), Map.of(), clock,
                AccessPolicy.OPEN);
    }
}
