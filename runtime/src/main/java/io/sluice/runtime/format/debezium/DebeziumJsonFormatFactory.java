package io.sluice.runtime.format.debezium;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.format.DecoderFactory;
import io.sluice.runtime.format.EncoderFactory;
import io.sluice.runtime.format.FormatContext;
import io.sluice.runtime.format.FormatFactory;
import io.sluice.runtime.format.json.JsonFormatFactory;
import java.util.Map;

/**
 * The {@code debezium-json} format: each record is a change of a database table's row as Debezium
 * writes it in JSON, {@code {"before": {…}, "after": {…}, "op": "u", …}}, and a table in this
 * format is a changelog (retract: each update carries its old row and its new).
 *
 * <p>Reading, as Flink does: {@code op} {@code c} (create) or {@code r} (a snapshot read) is an
 * insert ({@code +I}) of {@code after}; {@code u} is {@code -U} of {@code before} then {@code +U}
 * of {@code after}; {@code d} is {@code -D} of {@code before}. The row objects are read as the
 * {@code json} format reads a record, fields matched to columns by name; other fields of the
 * envelope ({@code source}, {@code ts_ms}, …) are skipped. A record that is not such a change (no
 * {@code op}, an unknown one, a missing {@code before} of an update or delete) is malformed:
 * counted and skipped. An empty value (Kafka's tombstone after a delete) holds no change.
 *
 * <p>Writing, as Flink does: {@code +I} and {@code +U} as {@code {"before":null,"after":{…},"op":"c"}},
 * {@code -U} and {@code -D} as {@code {"before":{…},"after":null,"op":"d"}}; with
 * {@code 'debezium-json.schema-include'} each inside {@code {"schema":null,"payload":…}}, so that
 * a table written that way reads back.
 *
 * <p>Options, with Flink's names: {@code 'debezium-json.schema-include'} (default {@code false}):
 * {@code true} when each record is wrapped as Kafka Connect's JSON converter does with schemas on,
 * {@code {"schema": …, "payload": {"before": …}}}; {@code 'debezium-json.timestamp-format.standard'}:
 * {@code SQL} (default) or {@code ISO-8601}, as for {@code json};
 * {@code 'debezium-json.ignore-parse-errors'}: accepted for Flink scripts, as malformed records
 * are always counted and skipped.
 */
public final class DebeziumJsonFormatFactory implements FormatFactory {
    static final String IDENTIFIER = "debezium-json";
    static final String SCHEMA_INCLUDE = IDENTIFIER + ".schema-include";
    static final String IGNORE_PARSE_ERRORS = IDENTIFIER + ".ignore-parse-errors";
    static final String TIMESTAMP_FORMAT = IDENTIFIER + ".timestamp-format.standard";

    private final JsonFormatFactory json = new JsonFormatFactory();

    @Override
    public String identifier() {
        return IDENTIFIER;
    }

    @Override
    public DecoderFactory createDecoderFactory(FormatContext context) {
        return new DebeziumJsonDecoderFactory(json.createDecoderFactory(rowFormat(context)), schemaInclude(context),
                context.schema().getFields().size());
    }

    /** Writing reads the same options, so that a table both read and written takes one set. */
    @Override
    public EncoderFactory createEncoderFactory(FormatContext context) {
        return new DebeziumJsonEncoderFactory(json.createEncoderFactory(rowFormat(context)), schemaInclude(context),
                context.schema().getFields().size());
    }

    /** {@code 'debezium-json.schema-include'}, with {@code 'debezium-json.ignore-parse-errors'} read too. */
    private static boolean schemaInclude(FormatContext context) {
        ConnectorOptions options = context.options();
        options.getBoolean(IGNORE_PARSE_ERRORS, false);
        return options.getBoolean(SCHEMA_INCLUDE, false);
    }

    /** The rows in {@code before} and {@code after} are read and written by the {@code json} format. */
    private static FormatContext rowFormat(FormatContext context) {
        String standard = context.options().getEnum(TIMESTAMP_FORMAT, "SQL", "SQL", "ISO-8601");
        return new FormatContext(context.tableName(), context.schema(), new ConnectorOptions(
                context.options().connector(), Map.of("json.timestamp-format.standard", standard)));
    }
}
