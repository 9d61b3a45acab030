package io.sluice.runtime.connector.nexmark;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceContext;
import io.sluice.runtime.connector.SourceFactory;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.vector.ColumnTypes;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The {@code nexmark} connector: one table per kind of Nexmark event, generated on the fly.
 *
 * <p>Options, named as in Flink's Nexmark where they exist:
 * <ul>
 *   <li>{@code 'event-type'} (required): {@code bid}, {@code auction} or {@code person}
 *   <li>{@code 'first-event.rate'}: events per second of the whole sequence, all kinds
 *       (default 10,000,000); {@code 'next-event.rate'} may be given, equal to it
 *   <li>{@code 'events.num'}: events in the whole sequence, all kinds; absent or 0: unbounded
 *   <li>{@code 'person.proportion'}, {@code 'auction.proportion'}, {@code 'bid.proportion'}
 *       (defaults 1, 3, 46)
 *   <li>{@code 'rate-limited'}: release events no faster than their event times (default false)
 *   <li>{@code 'base-time'}: the time of event 0, {@code yyyy-MM-dd HH:mm:ss[.SSS]} in UTC
 *       (default: the clock when the table is created)
 *   <li>{@code 'seed'}: which of the possible sequences
 * </ul>
 * The table's columns are any of the kind's fields, by exact name, in any order.
 */
public final class NexmarkSourceFactory implements SourceFactory {
    private static final DateTimeFormatter BASE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss[.SSS]")
            .withResolverStyle(ResolverStyle.STRICT);
    /** Names of the column types a user may declare by mistake, for error messages. */
    private static final Map<ArrowType, String> SQL_NAMES = Map.ofEntries(
            Map.entry(ColumnTypes.BOOLEAN, "BOOLEAN"),
            Map.entry(ColumnTypes.TINYINT, "TINYINT"),
            Map.entry(ColumnTypes.SMALLINT, "SMALLINT"),
            Map.entry(ColumnTypes.INT, "INT"),
            Map.entry(ColumnTypes.BIGINT, "BIGINT"),
            Map.entry(ColumnTypes.FLOAT, "FLOAT"),
            Map.entry(ColumnTypes.DOUBLE, "DOUBLE"),
            Map.entry(ColumnTypes.VARCHAR, "VARCHAR"),
            Map.entry(ColumnTypes.TIMESTAMP, "TIMESTAMP(3)"),
            Map.entry(ColumnTypes.DATE, "DATE"));

    @Override
    public String identifier() {
        return "nexmark";
    }

    @Override
    public Source create(SourceContext context) {
        ConnectorOptions options = context.options();
        EventKind kind = eventKind(options);
        long rate = options.getLong("first-event.rate", NexmarkConfig.DEFAULT_RATE);
        if (rate < 1 || rate > NexmarkConfig.MAX_RATE) {
            throw options.invalid("first-event.rate", rate + " is not between 1 and " + NexmarkConfig.MAX_RATE);
        }
        long nextRate = options.getLong("next-event.rate", rate);
        if (nextRate != rate) {
            throw options.invalid("next-event.rate", "a rate that changes over time is not supported; "
                    + "set it equal to 'first-event.rate' (" + rate + ") or leave it out");
        }
        long events = options.getLong("events.num", NexmarkConfig.UNBOUNDED);
        if (events < 0) {
            throw options.invalid("events.num", events + " is negative");
        }
        int persons = proportion(options, "person.proportion", NexmarkConfig.DEFAULT_PERSON_PROPORTION);
        int auctions = proportion(options, "auction.proportion", NexmarkConfig.DEFAULT_AUCTION_PROPORTION);
        int bids = proportion(options, "bid.proportion", NexmarkConfig.DEFAULT_BID_PROPORTION);
        if ((long) persons + auctions + bids > NexmarkConfig.MAX_TOTAL_PROPORTION) {
            throw options.invalid("bid.proportion", "the proportions add up to more than "
                    + NexmarkConfig.MAX_TOTAL_PROPORTION);
        }
        boolean rateLimited = options.getBoolean("rate-limited", false);
        long baseTime = options.optional("base-time")
                .map(value -> parseBaseTime(options, value))
                .orElseGet(() -> context.clock().millis());
        long seed = options.getLong("seed", NexmarkConfig.DEFAULT_SEED);
        int[] fields = fields(context, kind);
        NexmarkConfig config = new NexmarkConfig(rate, persons, auctions, bids, baseTime, events, seed);
        return new NexmarkSource(context.tableName(), new NexmarkGenerator(config), kind, fields, rateLimited);
    }

    private static EventKind eventKind(ConnectorOptions options) {
        String value = options.required("event-type");
        for (EventKind kind : EventKind.values()) {
            if (kind.identifier().equalsIgnoreCase(value.trim())) {
                return kind;
            }
        }
        throw options.invalid("event-type", "'" + value + "' is not one of bid, auction, person");
    }

    private static int proportion(ConnectorOptions options, String key, int defaultValue) {
        int value = options.getInt(key, defaultValue);
        if (value < 1) {
            throw options.invalid(key, value + " is not a positive integer");
        }
        return value;
    }

    private static long parseBaseTime(ConnectorOptions options, String value) {
        try {
            return LocalDateTime.parse(value.trim(), BASE_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw options.invalid("base-time", "'" + value
                    + "' is not a timestamp such as '2026-01-01 00:00:00' or '2026-01-01 00:00:00.000'");
        }
    }

    /** For each column of the table, the index of the kind's field of the same name and type. */
    private static int[] fields(SourceContext context, EventKind kind) {
        List<Field> columns = context.schema().getFields();
        int[] fields = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Field column = columns.get(i);
            int field = kind.fieldIndex(column.getName());
            if (field < 0) {
                throw new SluiceException(ErrorCode.VALIDATION_ERROR, "column '" + column.getName() + "' of table '"
                        + context.tableName() + "' is not a field of nexmark event type '" + kind.identifier()
                        + "'; its fields are: " + fieldList(kind));
            }
            NexmarkField.Type expected = kind.fields().get(field).type();
            if (!arrowType(expected).equals(column.getType())) {
                throw new SluiceException(ErrorCode.VALIDATION_ERROR, "column '" + column.getName() + "' of table '"
                        + context.tableName() + "' is " + typeName(column.getType()) + ", but field '"
                        + column.getName() + "' of nexmark event type '" + kind.identifier() + "' is "
                        + expected.sqlName() + "; its fields are: " + fieldList(kind));
            }
            fields[i] = field;
        }
        return fields;
    }

    private static ArrowType arrowType(NexmarkField.Type type) {
        return switch (type) {
            case BIGINT -> ColumnTypes.BIGINT;
            case VARCHAR -> ColumnTypes.VARCHAR;
            case TIMESTAMP -> ColumnTypes.TIMESTAMP;
        };
    }

    private static String typeName(ArrowType type) {
        return SQL_NAMES.getOrDefault(type, type.toString());
    }

    private static String fieldList(EventKind kind) {
        return kind.fields().stream().map(NexmarkField::toString).collect(Collectors.joining(", "));
    }
}
