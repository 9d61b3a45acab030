package io.sluice.runtime.format.csv;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.format.DecoderFactory;
import io.sluice.runtime.format.EncoderFactory;
import io.sluice.runtime.format.FormatContext;
import io.sluice.runtime.format.FormatFactory;
import io.sluice.runtime.format.text.ColumnKind;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The {@code csv} format: one record per line, fields in column order.
 *
 * <p>Options, with Flink's names:
 * <ul>
 *   <li>{@code 'csv.field-delimiter'}: one ASCII character, default {@code ,}; {@code \t} for tab
 *   <li>{@code 'csv.quote-character'}: default {@code "}; inside a quoted field a doubled quote
 *       stands for one ({@code "a ""b"" c"} is {@code a "b" c})
 *   <li>{@code 'csv.disable-quote-character'}: {@code true} reads quotes as ordinary characters
 *   <li>{@code 'csv.escape-character'}: none by default; the character after it is taken as it
 *       is, in quoted and unquoted fields alike
 *   <li>{@code 'csv.allow-comments'}: lines starting with {@code #} are skipped
 *   <li>{@code 'csv.null-literal'}: a value that means NULL, e.g. {@code NULL}
 *   <li>{@code 'csv.ignore-parse-errors'}: accepted for Flink scripts; Sluice always counts and
 *       skips malformed records, so it only states the intent
 *   <li>{@code 'csv.header'} (Sluice's): {@code true} if the first line of each file names the
 *       columns; connectors that read files skip it, and those that write files write it
 * </ul>
 *
 * <p>Nulls: an empty field is NULL, except in a VARCHAR column, where it is the empty string
 * (unless the null literal is empty). A field equal to the null literal is NULL, except a quoted
 * field of a VARCHAR column, which is always the text as written: {@code "NULL"} and {@code ""}
 * are strings. Values other than VARCHAR may have blanks around them.
 *
 * <p>Writing uses the same options (see {@link CsvRecordEncoder}): NULL becomes the null literal,
 * or an empty field, and a VARCHAR that would read back otherwise is quoted.
 *
 * <p>Records are single lines: a quoted field cannot hold a line break. A record with more or
 * fewer fields than the table has columns is malformed.
 */
public final class CsvFormatFactory implements FormatFactory {
    static final String FIELD_DELIMITER = "csv.field-delimiter";
    static final String QUOTE_CHARACTER = "csv.quote-character";
    static final String DISABLE_QUOTE_CHARACTER = "csv.disable-quote-character";
    static final String ESCAPE_CHARACTER = "csv.escape-character";
    static final String ALLOW_COMMENTS = "csv.allow-comments";
    static final String NULL_LITERAL = "csv.null-literal";
    static final String IGNORE_PARSE_ERRORS = "csv.ignore-parse-errors";
    static final String HEADER = "csv.header";

    @Override
    public String identifier() {
        return "csv";
    }

    @Override
    public DecoderFactory createDecoderFactory(FormatContext context) {
        Settings settings = Settings.read(context.options());
        List<ColumnKind> kinds = ColumnKind.of(context.schema(), identifier(), context.tableName());
        return new CsvDecoderFactory(kinds, settings.delimiter, settings.quote, settings.escape, settings.allowComments,
                settings.nullLiteral, settings.header);
    }

    /** Writing uses the same options: what is written with them reads back as the same rows. */
    @Override
    public EncoderFactory createEncoderFactory(FormatContext context) {
        Settings settings = Settings.read(context.options());
        List<ColumnKind> kinds = ColumnKind.of(context.schema(), identifier(), context.tableName());
        List<String> names = context.schema().getFields().stream().map(Field::getName).toList();
        return new CsvEncoderFactory(kinds, names, settings.delimiter, settings.quote, settings.escape,
                settings.nullLiteral, settings.header);
    }

    private record Settings(byte delimiter, int quote, int escape, boolean allowComments, String nullLiteral,
                            boolean header) {
        static Settings read(ConnectorOptions options) {
            byte delimiter = character(options, FIELD_DELIMITER, ',');
            int quote = CsvDecoderFactory.NONE;
            if (options.getBoolean(DISABLE_QUOTE_CHARACTER, false)) {
                if (options.contains(QUOTE_CHARACTER)) {
                    throw options.invalid(QUOTE_CHARACTER, "cannot be set when '" + DISABLE_QUOTE_CHARACTER + "' is true");
                }
            } else {
                quote = character(options, QUOTE_CHARACTER, '"');
            }
            int escape = options.contains(ESCAPE_CHARACTER) ? character(options, ESCAPE_CHARACTER, '\\') : CsvDecoderFactory.NONE;
            if (quote == delimiter) {
                throw options.invalid(QUOTE_CHARACTER, "the quote character cannot also be the field delimiter");
            }
            if (escape != CsvDecoderFactory.NONE && (escape == delimiter || escape == quote)) {
                throw options.invalid(ESCAPE_CHARACTER, "the escape character cannot also be the field delimiter or the quote character");
            }
            boolean allowComments = options.getBoolean(ALLOW_COMMENTS, false);
            String nullLiteral = options.optional(NULL_LITERAL).orElse(null);
            options.getBoolean(IGNORE_PARSE_ERRORS, false);
            boolean header = options.getBoolean(HEADER, false);
            return new Settings(delimiter, quote, escape, allowComments, nullLiteral, header);
        }
    }

    /** A single ASCII character other than a line break, as the decoder works on bytes. */
    private static byte character(ConnectorOptions options, String key, char defaultValue) {
        char c = options.getChar(key, defaultValue);
        if (c > 0x7F || c == '\n' || c == '\r') {
            throw options.invalid(key, "must be a single ASCII character other than a line break");
        }
        return (byte) c;
    }
}
