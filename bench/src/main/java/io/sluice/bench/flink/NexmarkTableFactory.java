package io.sluice.bench.flink;

import io.sluice.runtime.connector.nexmark.EventKind;
import io.sluice.runtime.connector.nexmark.NexmarkConfig;
import io.sluice.runtime.connector.nexmark.NexmarkField;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.TimestampType;

/**
 * The {@code nexmark} connector for Flink, over Sluice's generator, with the options of
 * Sluice's own {@code nexmark} connector, so that the same {@code CREATE TABLE} text declares
 * the same events in both engines: {@code 'event-type'} (bid, auction or person),
 * {@code 'events.num'} (required here: the source is bounded), {@code 'first-event.rate'} (and
 * an equal {@code 'next-event.rate'}), the three proportions, {@code 'base-time'} and
 * {@code 'seed'}. The table's columns are any of the kind's fields, by exact name.
 */
public final class NexmarkTableFactory implements DynamicTableSourceFactory {
    static final ConfigOption<String> EVENT_TYPE = ConfigOptions.key("event-type").stringType().noDefaultValue();
    static final ConfigOption<Long> EVENTS = ConfigOptions.key("events.num").longType().noDefaultValue();
    static final ConfigOption<Long> RATE = ConfigOptions.key("first-event.rate").longType()
            .defaultValue(NexmarkConfig.DEFAULT_RATE);
    static final ConfigOption<Long> NEXT_RATE = ConfigOptions.key("next-event.rate").longType().noDefaultValue();
    static final ConfigOption<Integer> PERSONS = ConfigOptions.key("person.proportion").intType()
            .defaultValue(NexmarkConfig.DEFAULT_PERSON_PROPORTION);
    static final ConfigOption<Integer> AUCTIONS = ConfigOptions.key("auction.proportion").intType()
            .defaultValue(NexmarkConfig.DEFAULT_AUCTION_PROPORTION);
    static final ConfigOption<Integer> BIDS = ConfigOptions.key("bid.proportion").intType()
            .defaultValue(NexmarkConfig.DEFAULT_BID_PROPORTION);
    static final ConfigOption<String> BASE_TIME = ConfigOptions.key("base-time").stringType().noDefaultValue();
    static final ConfigOption<Long> SEED = ConfigOptions.key("seed").longType().defaultValue(NexmarkConfig.DEFAULT_SEED);
    static final ConfigOption<Boolean> RATE_LIMITED = ConfigOptions.key("rate-limited").booleanType()
            .defaultValue(false);

    private static final DateTimeFormatter BASE_TIME_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss[.SSS]")
            .withResolverStyle(ResolverStyle.STRICT);

    @Override
    public String factoryIdentifier() {
        return "nexmark";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(EVENT_TYPE, EVENTS, BASE_TIME);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(RATE, NEXT_RATE, PERSONS, AUCTIONS, BIDS, SEED, RATE_LIMITED);
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
        helper.validate();
        ReadableConfig options = helper.getOptions();
        String table = context.getObjectIdentifier().asSummaryString();
        EventKind kind = eventKind(options.get(EVENT_TYPE), table);
        long rate = options.get(RATE);
        if (options.getOptional(NEXT_RATE).filter(next -> next != rate).isPresent()) {
            throw invalid(table, NEXT_RATE, "a rate that changes over time is not supported; leave it out or set it "
                    + "equal to 'first-event.rate'");
        }
        if (options.get(RATE_LIMITED)) {
            throw invalid(table, RATE_LIMITED, "this source generates as fast as it can; leave it out or set it false");
        }
        long events = options.get(EVENTS);
        if (events <= 0) {
            throw invalid(table, EVENTS, events + " is not a positive number: this source is bounded");
        }
        NexmarkConfig config;
        try {
            config = new NexmarkConfig(rate, options.get(PERSONS), options.get(AUCTIONS), options.get(BIDS),
                    baseTime(options.get(BASE_TIME), table), events, options.get(SEED));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("nexmark table " + table + ": " + e.getMessage(), e);
        }
        return new NexmarkTableSource(NexmarkTableSpec.of(kind, config, fields(context, kind, table)));
    }

    private static EventKind eventKind(String value, String table) {
        for (EventKind kind : EventKind.values()) {
            if (kind.identifier().equalsIgnoreCase(value.trim())) {
                return kind;
            }
        }
        throw invalid(table, EVENT_TYPE, "'" + value + "' is not one of bid, auction, person");
    }

    private static long baseTime(String value, String table) {
        try {
            return LocalDateTime.parse(value.trim(), BASE_TIME_FORMAT).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw invalid(table, BASE_TIME, "'" + value + "' is not a timestamp such as '2026-01-01 00:00:00'");
        }
    }

    /** For each physical column, the index of the kind's field of the same name and a matching type. */
    private static int[] fields(Context context, EventKind kind, String table) {
        List<Column> columns = context.getCatalogTable().getResolvedSchema().getColumns().stream()
                .filter(Column::isPhysical).toList();
        int[] fields = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            int field = kind.fieldIndex(column.getName());
            if (field < 0) {
                throw new ValidationException("column '" + column.getName() + "' of nexmark table " + table
                        + " is not a field of event type '" + kind.identifier() + "'");
            }
            NexmarkField.Type expected = kind.fields().get(field).type();
            if (!matches(column.getDataType().getLogicalType(), expected)) {
                throw new ValidationException("column '" + column.getName() + "' of nexmark table " + table + " is "
                        + column.getDataType() + ", but the field is " + expected.sqlName());
            }
            fields[i] = field;
        }
        return fields;
    }

    private static boolean matches(LogicalType type, NexmarkField.Type field) {
        return switch (field) {
            case BIGINT -> type.getTypeRoot() == LogicalTypeRoot.BIGINT;
            case VARCHAR -> type.getTypeRoot() == LogicalTypeRoot.VARCHAR;
            case TIMESTAMP -> type.getTypeRoot() == LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE
                    && ((TimestampType) type).getPrecision() == 3;
        };
    }

    private static ValidationException invalid(String table, ConfigOption<?> option, String reason) {
        return new ValidationException(String.format(Locale.ROOT, "nexmark table %s: option '%s': %s", table,
                option.key(), reason));
    }
}
