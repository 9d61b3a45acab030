package io.sluice.runtime.format.json;

import io.sluice.runtime.format.RecordBuffer;
import io.sluice.runtime.format.RecordEncoder;
import io.sluice.runtime.format.text.ColumnKind;
import io.sluice.runtime.format.text.TextColumnReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes a row as one JSON object with a field per column, in column order: numbers and booleans
 * as JSON numbers and booleans, VARCHARs, TIMESTAMPs and DATEs as strings, NULL as {@code null}.
 * {@link JsonRecordDecoder} reads it back as the same row. Nothing is allocated per row for most
 * types: field names are encoded once, values go straight into the output.
 */
final class JsonRecordEncoder implements RecordEncoder {
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final TextColumnReader reader;
    /** {@code "name":} of each column, escaped, with the comma before it for all but the first. */
    private final byte[][] prefixes;
    private final RecordBuffer value = new RecordBuffer();

    JsonRecordEncoder(TextColumnReader reader, List<String> names) {
        this.reader = reader;
        this.prefixes = new byte[names.size()][];
        for (int c = 0; c < prefixes.length; c++) {
            RecordBuffer prefix = new RecordBuffer();
            if (c > 0) {
                prefix.append((byte) ',');
            }
            byte[] name = names.get(c).getBytes(StandardCharsets.UTF_8);
            appendString(name, name.length, prefix);
            prefix.append((byte) ':');
            prefixes[c] = prefix.toByteArray();
        }
    }

    @Override
    public void encode(VectorSchemaRoot batch, int row, RecordBuffer out) {
        reader.bind(batch);
        out.append((byte) '{');
        for (int c = 0; c < prefixes.length; c++) {
            out.append(prefixes[c]);
            if (reader.isNull(c, row)) {
                out.append(NULL);
                continue;
            }
            ColumnKind kind = reader.kind(c);
            if (kind == ColumnKind.VARCHAR) {
                value.clear();
                reader.append(c, row, value);
                appendString(value.bytes(), value.length(), out);
            } else if (kind == ColumnKind.TIMESTAMP || kind == ColumnKind.DATE || kind == ColumnKind.TIME) {
                out.append((byte) '"');
                reader.append(c, row, out);
                out.append((byte) '"');
            } else if ((kind == ColumnKind.FLOAT || kind == ColumnKind.DOUBLE) && !isFinite(c, row)) {
                // JSON has no NaN or infinity; as strings they read back into the column.
                out.append((byte) '"');
                reader.append(c, row, out);
                out.append((byte) '"');
            } else {
                reader.append(c, row, out);
            }
        }
        out.append((byte) '}');
    }

    private boolean isFinite(int column, int row) {
        int at = value.length();
        reader.append(column, row, value);
        byte last = value.bytes()[value.length() - 1];
        value.truncate(at);
        return last != 'N' && last != 'y';
    }

    /** A JSON string: quotes, backslashes and control characters escaped; other UTF-8 bytes as they are. */
    private static void appendString(byte[] bytes, int length, RecordBuffer out) {
        out.append((byte) '"');
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b == '"' || b == '\\') {
                out.append((byte) '\\').append(b);
            } else if (b >= 0 && b < 0x20) {
                switch (b) {
                    case '\n' -> out.append((byte) '\\').append((byte) 'n');
                    case '\r' -> out.append((byte) '\\').append((byte) 'r');
                    case '\t' -> out.append((byte) '\\').append((byte) 't');
                    default -> out.append((byte) '\\').append((byte) 'u').append((byte) '0').append((byte) '0')
                            .append(HEX[b >> 4]).append(HEX[b & 0xF]);
                }
            } else {
                out.append(b);
            }
        }
        out.append((byte) '"');
    }
}
