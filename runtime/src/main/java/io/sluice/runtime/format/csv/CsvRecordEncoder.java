package io.sluice.runtime.format.csv;

import io.sluice.runtime.format.RecordBuffer;
import io.sluice.runtime.format.RecordEncoder;
import io.sluice.runtime.format.text.ColumnKind;
import io.sluice.runtime.format.text.TextColumnReader;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Writes a row as one CSV line that {@link CsvRecordDecoder} reads back as the same row. A NULL
 * is the null literal (empty by default). A VARCHAR is quoted when it has to be: when it holds the
 * delimiter, the quote, the escape character or a line break, when it is empty (so that it is
 * not read as NULL) or when it equals the null literal; quotes inside are doubled. Without a quote
 * character such values are escaped instead, or written as they are if there is no escape either.
 */
final class CsvRecordEncoder implements RecordEncoder {
    private final TextColumnReader reader;
    private final byte delimiter;
    private final int quote;
    private final int escape;
    private final byte[] nullLiteral;
    private final RecordBuffer value = new RecordBuffer();

    CsvRecordEncoder(TextColumnReader reader, byte delimiter, int quote, int escape, byte[] nullLiteral) {
        this.reader = reader;
        this.delimiter = delimiter;
        this.quote = quote;
        this.escape = escape;
        this.nullLiteral = nullLiteral;
    }

    @Override
    public void encode(VectorSchemaRoot batch, int row, RecordBuffer out) {
        reader.bind(batch);
        for (int c = 0; c < reader.columnCount(); c++) {
            if (c > 0) {
                out.append(delimiter);
            }
            if (reader.isNull(c, row)) {
                out.append(nullLiteral);
            } else if (reader.kind(c) == ColumnKind.VARCHAR) {
                value.clear();
                reader.append(c, row, value);
                appendText(out);
            } else {
                reader.append(c, row, out);
            }
        }
    }

    private void appendText(RecordBuffer out) {
        byte[] bytes = value.bytes();
        int length = value.length();
        boolean special = length == 0 || isNullLiteral(bytes, length);
        for (int i = 0; i < length && !special; i++) {
            byte b = bytes[i];
            special = b == delimiter || b == quote || b == escape || b == '\n' || b == '\r';
        }
        if (!special) {
            out.append(bytes, 0, length);
        } else if (quote != CsvDecoderFactory.NONE) {
            out.append((byte) quote);
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                if (b == quote) {
                    out.append((byte) quote);
                } else if (b == escape) {
                    out.append((byte) escape);
                }
                out.append(b);
            }
            out.append((byte) quote);
        } else {
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                if (escape != CsvDecoderFactory.NONE && (b == delimiter || b == escape)) {
                    out.append((byte) escape);
                }
                out.append(b);
            }
        }
    }

    private boolean isNullLiteral(byte[] bytes, int length) {
        return nullLiteral.length > 0 && java.util.Arrays.equals(bytes, 0, length, nullLiteral, 0, nullLiteral.length);
    }
}
