package io.sluice.runtime.format.json;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.format.DecoderFactory;
import io.sluice.runtime.format.EncoderFactory;
import io.sluice.runtime.format.FormatContext;
import io.sluice.runtime.format.FormatFactory;
import io.sluice.runtime.format.text.ColumnKind;
import io.sluice.runtime.format.text.TimestampFormat;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The {@code json} format: one JSON object per record, its fields matched to columns by exact
 * (case-sensitive) name. Fields of no column are skipped, whatever they hold.
 *
 * <p>Options, with Flink's names:
 * <ul>
 *   <li>{@code 'json.fail-on-missing-field'}: default {@code false}, a missing field is NULL;
 *       {@code true} makes a record without a column's field malformed
 *   <li>{@code 'json.timestamp-format.standard'}: {@code SQL} (default) reads TIMESTAMPs as
 *       {@code yyyy-MM-dd HH:mm:ss[.fff]}; {@code ISO-8601} also as {@code yyyy-MM-ddTHH:mm:ss[.fff]}
 *   <li>{@code 'json.ignore-parse-errors'}: accepted for Flink scripts; Sluice always counts and
 *       skips malformed records, so it only states the intent
 * </ul>
 *
 * <p>Writing (see {@link JsonRecordEncoder}) gives one object per row with a field per column,
 * TIMESTAMPs in the form {@code 'json.timestamp-format.standard'} names, DECIMALs as plain
 * numbers ({@code 'json.encode.decimal-as-plain-number'} is accepted for Flink scripts).
 *
 * <p>Values: numbers may be JSON numbers or strings holding numbers; booleans JSON booleans or
 * strings; TIMESTAMPs strings, or whole numbers of milliseconds since the epoch. A VARCHAR
 * column takes a string's text, a number's or boolean's text as written, and a nested object or
 * array as its JSON text. A JSON null is NULL. Broken JSON, a record that is not an object and a
 * value of the wrong type make the record malformed.
 */
public final class JsonFormatFactory implements FormatFactory {
    static final String FAIL_ON_MISSING_FIELD = "json.fail-on-missing-field";
    static final String IGNORE_PARSE_ERRORS = "json.ignore-parse-errors";
    static final String TIMESTAMP_FORMAT = "json.timestamp-format.standard";
    static final String ENCODE_DECIMAL_AS_PLAIN_NUMBER = "json.encode.decimal-as-plain-number";

    @Override
    public String identifier() {
        return "json";
    }

    @Override
    public DecoderFactory createDecoderFactory(FormatContext context) {
        ConnectorOptions options = context.options();
        boolean failOnMissingField = options.getBoolean(FAIL_ON_MISSING_FIELD, false);
        options.getBoolean(IGNORE_PARSE_ERRORS, false);
        return new JsonDecoderFactory(ColumnKind.of(context.schema(), identifier(), context.tableName()),
                failOnMissingField, timestampFormat(options));
    }

    /** Writing reads the same options, so that a table both read and written takes one set. */
    @Override
    public EncoderFactory createEncoderFactory(FormatContext context) {
        ConnectorOptions options = context.options();
        options.getBoolean(FAIL_ON_MISSING_FIELD, false);
        options.getBoolean(IGNORE_PARSE_ERRORS, false);
        options.getBoolean(ENCODE_DECIMAL_AS_PLAIN_NUMBER, true);
        List<String> names = context.schema().getFields().stream().map(Field::getName).toList();
        return new JsonEncoderFactory(ColumnKind.of(context.schema(), identifier(), context.tableName()), names,
                timestampFormat(options));
    }

    private static TimestampFormat timestampFormat(ConnectorOptions options) {
        return options.getEnum(TIMESTAMP_FORMAT, "SQL", "SQL", "ISO-8601").equals("SQL")
                ? TimestampFormat.SQL
                : TimestampFormat.ISO_8601;
    }
}
