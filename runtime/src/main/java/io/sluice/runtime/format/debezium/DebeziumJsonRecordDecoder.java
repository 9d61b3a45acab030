package io.sluice.runtime.format.debezium;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.RecordDecoder;
import java.io.IOException;
import org.apache.arrow.vector.TinyIntVector;

/**
 * Decodes one Debezium change into its rows (see {@link DebeziumJsonFormatFactory}): the envelope
 * is scanned for where {@code before} and {@code after} lie and what {@code op} says, then each row
 * object the change needs is decoded by the {@code json} decoder, straight from the record's bytes.
 */
final class DebeziumJsonRecordDecoder implements RecordDecoder {
    private final JsonFactory json;
    private final RecordDecoder rows;
    private final TinyIntVector kinds;
    private final boolean schemaInclude;
    /** Where the last record's {@code before} and {@code after} objects lie: start, end; -1 when null or absent. */
    private int beforeStart;
    private int beforeEnd;
    private int afterStart;
    private int afterEnd;
    private String op;
    private boolean sawPayload;
    private int decoded;

    DebeziumJsonRecordDecoder(JsonFactory json, RecordDecoder rows, TinyIntVector kinds, boolean schemaInclude) {
        this.json = json;
        this.rows = rows;
        this.kinds = kinds;
        this.schemaInclude = schemaInclude;
    }

    @Override
    public String decode(byte[] bytes, int offset, int length, int row) {
        decoded = 0;
        String problem = scan(bytes, offset, length);
        if (problem != null) {
            return problem;
        }
        if (op == null) {
            return schemaInclude ? "the record has no 'payload' object with an 'op' field"
                    : sawPayload ? "the record has no 'op' field but a 'payload': set 'debezium-json.schema-include' = 'true'"
                    : "the record has no 'op' field";
        }
        return switch (op) {
            case "c", "r" -> row(bytes, offset, afterStart, afterEnd, "after", RowKind.INSERT, row);
            case "d" -> row(bytes, offset, beforeStart, beforeEnd, "before", RowKind.DELETE, row);
            case "u" -> {
                if (beforeStart < 0) {
                    yield "the update has no 'before' row (a PostgreSQL table needs REPLICA IDENTITY FULL"
                            + " for Debezium to send it)";
                }
                String before = row(bytes, offset, beforeStart, beforeEnd, "before", RowKind.UPDATE_BEFORE, row);
                yield before != null ? before
                        : row(bytes, offset, afterStart, afterEnd, "after", RowKind.UPDATE_AFTER, row + 1);
            }
            default -> "unknown 'op' value '" + op + "' (expected c, r, u or d)";
        };
    }

    /** Decodes the object at {@code [start, end)} of the record as a row of the given kind at {@code row}. */
    private String row(byte[] bytes, int offset, int start, int end, String field, RowKind kind, int row) {
        if (start < 0) {
            return "'op' is '" + op + "' but '" + field + "' is null or missing";
        }
        String problem = rows.decode(bytes, offset + start, end - start, row);
        if (problem != null) {
            return "'" + field + "': " + problem;
        }
        RowKinds.set(kinds, row, kind);
        decoded++;
        return null;
    }

    /** Finds {@code before}, {@code after} and {@code op} in the envelope (inside {@code payload} when the schema is included). */
    private String scan(byte[] bytes, int offset, int length) {
        beforeStart = beforeEnd = afterStart = afterEnd = -1;
        op = null;
        sawPayload = false;
        try (JsonParser parser = json.createParser(bytes, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "the record is not a JSON object";
            }
            if (schemaInclude) {
                if (!enterPayload(parser)) {
                    return null;
                }
            }
            String problem = scanEnvelope(parser);
            if (problem != null) {
                return problem;
            }
            if (schemaInclude) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    parser.nextToken();
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                return "text after the JSON object";
            }
            return null;
        } catch (JsonProcessingException e) {
            return "invalid JSON: " + e.getOriginalMessage();
        } catch (IOException e) {
            throw SluiceException.internal("reading JSON from memory failed", e);
        }
    }

    /** Moves into the {@code payload} object's fields; false if the record has none. */
    private static boolean enterPayload(JsonParser parser) throws IOException {
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken token = parser.nextToken();
            if (name.equals("payload") && token == JsonToken.START_OBJECT) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    /** Reads the fields of the object the parser is in, up to its end. */
    private String scanEnvelope(JsonParser parser) throws IOException {
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "before", "after" -> {
                    if (token == JsonToken.START_OBJECT) {
                        int start = (int) parser.currentTokenLocation().getByteOffset();
                        parser.skipChildren();
                        int end = (int) parser.currentLocation().getByteOffset();
                        if (name.equals("before")) {
                            beforeStart = start;
                            beforeEnd = end;
                        } else {
                            afterStart = start;
                            afterEnd = end;
                        }
                    } else if (token != JsonToken.VALUE_NULL) {
                        return "'" + name + "' is neither an object nor null";
                    }
                }
                case "op" -> {
                    if (token != JsonToken.VALUE_STRING) {
                        return "'op' is not a string";
                    }
                    op = parser.getText();
                }
                default -> {
                    sawPayload |= name.equals("payload");
                    parser.skipChildren();
                }
            }
        }
        return null;
    }

    /** A Kafka tombstone (an empty value) follows a delete; it holds no change of its own. */
    @Override
    public boolean isRecord(byte[] bytes, int offset, int length) {
        return rows.isRecord(bytes, offset, length);
    }

    @Override
    public int maxRowsPerRecord() {
        return 2;
    }

    @Override
    public int rowsDecoded() {
        return decoded;
    }
}
