package io.sluice.runtime.format.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.RecordDecoder;
import io.sluice.runtime.format.text.ColumnKind;
import io.sluice.runtime.format.text.TextColumnWriter;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads one JSON object with Jackson's streaming parser and writes its fields into the target's
 * columns. Values reach the columns as UTF-8 text, the parser's characters encoded into one
 * reusable buffer, so that JSON shares the value parsing of every text format. Jackson makes a
 * small parser object per record; nothing else is allocated per record.
 */
final class JsonRecordDecoder implements RecordDecoder {
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    private final JsonFactory json;
    private final TextColumnWriter writer;
    private final boolean failOnMissingField;
    private final Map<String, Integer> columns = new HashMap<>();
    private final boolean[] seen;
    private byte[] text = new byte[256];

    JsonRecordDecoder(JsonFactory json, TextColumnWriter writer, boolean failOnMissingField) {
        this.json = json;
        this.writer = writer;
        this.failOnMissingField = failOnMissingField;
        for (int c = 0; c < writer.columnCount(); c++) {
            columns.put(writer.columnName(c), c);
        }
        this.seen = new boolean[writer.columnCount()];
    }

    @Override
    public boolean isRecord(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return true;
            }
        }
        return false;
    }

    @Override
    public String decode(byte[] bytes, int offset, int length, int row) {
        Arrays.fill(seen, false);
        try (JsonParser parser = json.createParser(bytes, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "not a JSON object";
            }
            String name;
            while ((name = parser.nextFieldName()) != null) {
                JsonToken token = parser.nextToken();
                Integer column = columns.get(name);
                if (column == null) {
                    parser.skipChildren();
                    continue;
                }
                String problem = write(parser, token, column, row, bytes, offset);
                if (problem != null) {
                    return problem;
                }
                seen[column] = true;
            }
            if (parser.nextToken() != null) {
                return "text after the JSON object";
            }
        } catch (JsonProcessingException e) {
            return "invalid JSON: " + e.getOriginalMessage();
        } catch (IOException e) {
            throw SluiceException.internal("reading JSON from memory failed", e);
        }
        for (int c = 0; c < seen.length; c++) {
            if (!seen[c]) {
                if (failOnMissingField || !writer.isNullable(c)) {
                    return "column '" + writer.columnName(c) + "' is missing";
                }
                writer.writeNull(c, row);
            }
        }
        return null;
    }

    private String write(JsonParser parser, JsonToken token, int column, int row, byte[] bytes, int offset)
            throws IOException {
        return switch (token) {
            case VALUE_NULL -> writer.writeNull(column, row);
            case VALUE_TRUE -> writer.write(column, row, TRUE, 0, TRUE.length);
            case VALUE_FALSE -> writer.write(column, row, FALSE, 0, FALSE.length);
            case VALUE_NUMBER_INT -> writer.kind(column) == ColumnKind.TIMESTAMP
                    ? writer.writeEpochMillis(column, row, text, 0, encodeText(parser))
                    : writer.write(column, row, text, 0, encodeText(parser));
            case VALUE_NUMBER_FLOAT -> writer.write(column, row, text, 0, encodeText(parser));
            case VALUE_STRING -> {
                int length = encodeText(parser);
                yield length < 0
                        ? "column '" + writer.columnName(column) + "': the string holds a lone surrogate escape, "
                                + "which is not text"
                        : writer.write(column, row, text, 0, length);
            }
            case START_OBJECT, START_ARRAY -> writeNested(parser, token, column, row, bytes, offset);
            default -> throw SluiceException.internal("unexpected JSON token " + token + " as a field's value", null);
        };
    }

    /** A nested object or array: its JSON text for a VARCHAR column, a wrong type for the others. */
    private String writeNested(JsonParser parser, JsonToken token, int column, int row, byte[] bytes, int offset)
            throws IOException {
        if (writer.kind(column) != ColumnKind.VARCHAR) {
            return "column '" + writer.columnName(column) + "': a JSON "
                    + (token == JsonToken.START_OBJECT ? "object" : "array") + " is not a valid " + writer.kind(column);
        }
        int start = (int) parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        int end = (int) parser.currentLocation().getByteOffset();
        return writer.write(column, row, bytes, offset + start, end - start);
    }

    /**
     * Encodes the current token's text as UTF-8 into {@link #text}; returns the length, or -1 if
     * the text holds a lone surrogate (JSON allows the escape {@code "\ud800"}), which has no
     * UTF-8 form.
     */
    private int encodeText(JsonParser parser) throws IOException {
        char[] chars = parser.getTextCharacters();
        int from = parser.getTextOffset();
        int to = from + parser.getTextLength();
        // At most three bytes per char: a surrogate pair's two chars make four.
        if (text.length < (to - from) * 3) {
            text = new byte[Math.max(text.length * 2, (to - from) * 3)];
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c < 0x80) {
                text[n++] = (byte) c;
            } else if (c < 0x800) {
                text[n++] = (byte) (0xC0 | c >> 6);
                text[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(chars[i + 1])) {
                int codePoint = Character.toCodePoint(c, chars[++i]);
                text[n++] = (byte) (0xF0 | codePoint >> 18);
                text[n++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                text[n++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                text[n++] = (byte) (0x80 | codePoint & 0x3F);
            } else if (Character.isSurrogate(c)) {
                return -1;
            } else {
                text[n++] = (byte) (0xE0 | c >> 12);
                text[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                text[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return n;
    }
}
