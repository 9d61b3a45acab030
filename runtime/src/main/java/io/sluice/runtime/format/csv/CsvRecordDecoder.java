package io.sluice.runtime.format.csv;

import io.sluice.runtime.format.RecordDecoder;
import io.sluice.runtime.format.text.ColumnKind;
import io.sluice.runtime.format.text.TextColumnWriter;
import java.util.Arrays;

/**
 * Splits a CSV line into fields and writes them into the target's columns. Fields that need no
 * unescaping are handed on as slices of the input; the others are unescaped into one reusable
 * buffer. Nothing is allocated per record.
 */
final class CsvRecordDecoder implements RecordDecoder {
    private final TextColumnWriter writer;
    private final int columns;
    private final byte delimiter;
    /** The quote character, or {@link CsvDecoderFactory#NONE}; an int so that NONE matches no byte. */
    private final int quote;
    private final int escape;
    private final boolean allowComments;
    private final byte[] nullLiteral;
    private final boolean[] varchar;

    private final byte[][] fieldBytes;
    private final int[] fieldStart;
    private final int[] fieldLength;
    private final boolean[] fieldQuoted;
    private byte[] unescaped = new byte[256];
    private int unescapedLength;
    /** Where the field just read ends: at a delimiter or at the end of the record. */
    private int position;

    CsvRecordDecoder(TextColumnWriter writer, byte delimiter, int quote, int escape, boolean allowComments,
            byte[] nullLiteral) {
        this.writer = writer;
        this.columns = writer.columnCount();
        this.delimiter = delimiter;
        this.quote = quote;
        this.escape = escape;
        this.allowComments = allowComments;
        this.nullLiteral = nullLiteral;
        this.varchar = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            varchar[c] = writer.kind(c) == ColumnKind.VARCHAR;
        }
        this.fieldBytes = new byte[columns][];
        this.fieldStart = new int[columns];
        this.fieldLength = new int[columns];
        this.fieldQuoted = new boolean[columns];
    }

    @Override
    public boolean isRecord(byte[] bytes, int offset, int length) {
        return length > 0 && !(allowComments && bytes[offset] == '#');
    }

    @Override
    public String decode(byte[] bytes, int offset, int length, int row) {
        int end = offset + length;
        unescapedLength = 0;
        position = offset;
        int fields = 0;
        while (true) {
            String problem = quote != CsvDecoderFactory.NONE && position < end && bytes[position] == quote
                    ? readQuoted(bytes, end, fields)
                    : readUnquoted(bytes, end, fields);
            if (problem != null) {
                return problem;
            }
            fields++;
            if (position == end) {
                break;
            }
            position++;
        }
        if (fields != columns) {
            return "expected " + columns + " fields, found " + fields;
        }
        for (int c = 0; c < columns; c++) {
            String problem = isNull(c)
                    ? writer.writeNull(c, row)
                    : writer.write(c, row, fieldBytes[c], fieldStart[c], fieldLength[c]);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private String readUnquoted(byte[] bytes, int end, int field) {
        int start = position;
        int copyStart = -1;
        int i = start;
        while (i < end && bytes[i] != delimiter) {
            if (bytes[i] == escape) {
                if (copyStart < 0) {
                    copyStart = unescapedLength;
                    append(bytes, start, i - start);
                }
                if (i + 1 == end) {
                    return describe(field) + ": escape character at the end of the line";
                }
                append(bytes, i + 1, 1);
                i += 2;
            } else {
                if (copyStart >= 0) {
                    append(bytes, i, 1);
                }
                i++;
            }
        }
        position = i;
        if (copyStart < 0) {
            keep(field, bytes, start, i - start, false);
        } else {
            keep(field, unescaped, copyStart, unescapedLength - copyStart, false);
        }
        return null;
    }

    private String readQuoted(byte[] bytes, int end, int field) {
        int start = position + 1;
        int copyStart = -1;
        int i = start;
        while (true) {
            if (i == end) {
                return describe(field) + ": the quoted value does not end on this line";
            }
            byte b = bytes[i];
            boolean doubledQuote = b == quote && i + 1 < end && bytes[i + 1] == quote;
            if (b == quote && !doubledQuote) {
                break;
            }
            if (doubledQuote || b == escape) {
                if (copyStart < 0) {
                    copyStart = unescapedLength;
                    append(bytes, start, i - start);
                }
                if (i + 1 == end) {
                    return describe(field) + ": escape character at the end of the line";
                }
                append(bytes, i + 1, 1);
                i += 2;
            } else {
                if (copyStart >= 0) {
                    append(bytes, i, 1);
                }
                i++;
            }
        }
        int contentEnd = i;
        i++;
        if (i < end && bytes[i] != delimiter) {
            return describe(field) + ": text after the closing quote";
        }
        position = i;
        if (copyStart < 0) {
            keep(field, bytes, start, contentEnd - start, true);
        } else {
            keep(field, unescaped, copyStart, unescapedLength - copyStart, true);
        }
        return null;
    }

    private void keep(int field, byte[] bytes, int start, int length, boolean quoted) {
        if (field < columns) {
            fieldBytes[field] = bytes;
            fieldStart[field] = start;
            fieldLength[field] = length;
            fieldQuoted[field] = quoted;
        }
    }

    /** Appends to the unescape buffer; fields kept earlier stay valid when it grows, as they keep the old array. */
    private void append(byte[] bytes, int start, int length) {
        if (unescapedLength + length > unescaped.length) {
            unescaped = Arrays.copyOf(unescaped, Math.max(unescaped.length * 2, unescapedLength + length));
        }
        System.arraycopy(bytes, start, unescaped, unescapedLength, length);
        unescapedLength += length;
    }

    private boolean isNull(int c) {
        if (varchar[c]) {
            return !fieldQuoted[c] && equalsNullLiteral(c);
        }
        return fieldLength[c] == 0 || equalsNullLiteral(c);
    }

    private boolean equalsNullLiteral(int c) {
        return nullLiteral != null && Arrays.equals(fieldBytes[c], fieldStart[c], fieldStart[c] + fieldLength[c],
                nullLiteral, 0, nullLiteral.length);
    }

    private String describe(int field) {
        return field < columns ? "column '" + writer.columnName(field) + "'" : "field " + (field + 1);
    }
}
