package io.sluice.runtime.format.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.DecoderFactory;
import io.sluice.runtime.format.FormatContext;
import io.sluice.runtime.format.RecordDecoder;
import io.sluice.runtime.testing.Rows;
import io.sluice.runtime.vector.ColumnTypes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonFormatTest {
    private static final Schema ALL_TYPES = new Schema(List.of(
            Field.nullable("b", ColumnTypes.BOOLEAN),
            Field.nullable("t", ColumnTypes.TINYINT),
            Field.nullable("s", ColumnTypes.SMALLINT),
            Field.nullable("i", ColumnTypes.INT),
            Field.nullable("l", ColumnTypes.BIGINT),
            Field.nullable("f", ColumnTypes.FLOAT),
            Field.nullable("d", ColumnTypes.DOUBLE),
            Field.nullable("m", ColumnTypes.decimal(10, 2)),
            Field.nullable("v", ColumnTypes.VARCHAR),
            Field.nullable("ts", ColumnTypes.TIMESTAMP),
            Field.nullable("day", ColumnTypes.DATE)));
    private static final Schema TEXT_INT = new Schema(List.of(
            Field.nullable("v", ColumnTypes.VARCHAR),
            Field.nullable("i", ColumnTypes.INT)));

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void noLeak() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    @Test
    void decodesEveryTypeFromJsonValues() {
        assertEquals(List.of("true|-5|300|70000|-9000000000|1.5|-2.25|12.35|hello \"wörld\" \uD83D\uDE00|"
                        + "2026-01-01 00:00:01.500|2024-02-29"),
                decodeAll(ALL_TYPES, Map.of(), "{\"b\": true, \"t\": -5, \"s\": 300, \"i\": 70000, \"l\": -9000000000,"
                        + " \"f\": 1.5, \"d\": -2.25, \"m\": 12.345, \"v\": \"hello \\\"w\\u00f6rld\\\" \\ud83d\\ude00\","
                        + " \"ts\": \"2026-01-01 00:00:01.5\", \"day\": \"2024-02-29\"}"));
    }

    @Test
    void decodesNumbersAndBooleansGivenAsStringsInAnyFieldOrder() {
        assertEquals(List.of("false|127|-32768|0|9223372036854775807|-0.25|1.0E10|-0.01|x|2026-01-01 00:00:01.500|1970-01-01"),
                decodeAll(ALL_TYPES, Map.of(), "{\"day\": \"1970-01-01\", \"extra\": {\"a\": [1, {\"b\": \"}\"}]},"
                        + " \"b\": \"FALSE\", \"t\": \" 127 \", \"s\": \"-32768\", \"i\": \"0\", \"l\": \"9223372036854775807\","
                        + " \"f\": \"-.25\", \"d\": \"1e10\", \"m\": \"-0.005\", \"more\": [[]], \"v\": \"x\","
                        + " \"ts\": 1767225601500}"));
    }

    @Test
    void nullsAndMissingFieldsAreNull() {
        assertEquals(List.of("NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL",
                        "NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL"),
                decodeAll(ALL_TYPES, Map.of(), "{}", "{\"b\": null, \"t\": null, \"s\": null, \"i\": null, \"l\": null,"
                        + " \"f\": null, \"d\": null, \"m\": null, \"v\": null, \"ts\": null, \"day\": null}"));
    }

    @Test
    void namesAreCaseSensitive() {
        assertEquals(List.of("NULL|NULL"), decodeAll(TEXT_INT, Map.of(), "{\"V\": \"x\", \"I\": 5}"));
    }

    @Test
    void aVarcharTakesTheTextOfAnyValue() {
        assertEquals(List.of("1.50|1", "true|2", "{\"a\": [1, \"]\"]}|3", "[]|4", "|5"),
                decodeAll(TEXT_INT, Map.of(), "{\"v\": 1.50, \"i\": 1}", "{\"v\": true, \"i\": 2}",
                        "{\"v\": {\"a\": [1, \"]\"]}, \"i\": 3}", "{\"v\": [], \"i\": 4}", "{\"v\": \"\", \"i\": 5}"));
    }

    @Test
    void wrongTypesAreMalformedNamingTheColumn() {
        assertEquals("column 'i': 'abc' is not a valid INT", problem(TEXT_INT, Map.of(), "{\"i\": \"abc\"}"));
        assertEquals("column 'i': '1.5' is not a valid INT", problem(TEXT_INT, Map.of(), "{\"i\": 1.5}"));
        assertEquals("column 'i': 'true' is not a valid INT", problem(TEXT_INT, Map.of(), "{\"i\": true}"));
        assertEquals("column 'i': '3000000000' is out of range for INT", problem(TEXT_INT, Map.of(), "{\"i\": 3000000000}"));
        assertEquals("column 'i': a JSON object is not a valid INT", problem(TEXT_INT, Map.of(), "{\"i\": {\"x\": 1}}"));
        assertEquals("column 'i': a JSON array is not a valid INT", problem(TEXT_INT, Map.of(), "{\"i\": [1]}"));
        assertEquals("column 'ts': '99999999999999999999' is out of range for TIMESTAMP",
                problem(ALL_TYPES, Map.of(), "{\"ts\": 99999999999999999999}"));
        assertEquals("column 'ts': '2026-01-01T00:00:01' is not a valid TIMESTAMP (yyyy-MM-dd HH:mm:ss[.fff])",
                problem(ALL_TYPES, Map.of(), "{\"ts\": \"2026-01-01T00:00:01\"}"));
        assertEquals("column 'day': '2026-02-30' is not a valid DATE: day 30 of 2026-02 is out of range",
                problem(ALL_TYPES, Map.of(), "{\"day\": \"2026-02-30\"}"));
    }

    @Test
    void brokenJsonAndNonObjectsAreMalformed() {
        assertEquals("not a JSON object", problem(TEXT_INT, Map.of(), "[1, 2]"));
        assertEquals("not a JSON object", problem(TEXT_INT, Map.of(), "\"text\""));
        assertEquals("text after the JSON object", problem(TEXT_INT, Map.of(), "{\"i\": 1} {\"i\": 2}"));
        String truncated = problem(TEXT_INT, Map.of(), "{\"i\": 1");
        assertTrue(truncated.startsWith("invalid JSON: Unexpected end-of-input"), truncated);
        String garbage = problem(TEXT_INT, Map.of(), "{\"i\": 1} x");
        assertTrue(garbage.startsWith("invalid JSON: Unrecognized token 'x'"), garbage);
    }

    @Test
    void textThatIsNotUnicodeMakesTheRecordMalformed() {
        String invalid = problem(TEXT_INT, "{\"v\": \"a\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(invalid.startsWith("invalid JSON: Invalid UTF-8"), invalid);
        String nested = problem(TEXT_INT, "{\"v\": {\"a\": \"\u00ff\"}}".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(nested.startsWith("invalid JSON: Invalid UTF-8"), nested);
        String skipped = problem(TEXT_INT, "{\"other\": \"\u00ff\", \"i\": 1}".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(skipped.startsWith("invalid JSON: Invalid UTF-8"), skipped);
        assertEquals("column 'v': the string holds a lone surrogate escape, which is not text",
                problem(TEXT_INT, Map.of(), "{\"v\": \"a\\ud800b\"}"));
        assertEquals(List.of("\uD83D\uDE00|1"), decodeAll(TEXT_INT, Map.of(), "{\"v\": \"\\ud83d\\ude00\", \"i\": 1}"));
    }

    @Test
    void isoTimestampsWhenAsked() {
        Map<String, String> iso = Map.of("json.timestamp-format.standard", "ISO-8601");
        assertEquals(List.of("NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|2026-01-01 00:00:01.250|NULL",
                        "NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|2026-01-01 00:00:02.000|NULL"),
                decodeAll(ALL_TYPES, iso, "{\"ts\": \"2026-01-01T00:00:01.25\"}", "{\"ts\": \"2026-01-01 00:00:02\"}"));
    }

    @Test
    void missingFieldsCanBeMalformed() {
        Map<String, String> strict = Map.of("json.fail-on-missing-field", "true");
        assertEquals("column 'i' is missing", problem(TEXT_INT, strict, "{\"v\": \"x\"}"));
        assertEquals(List.of("x|NULL"), decodeAll(TEXT_INT, strict, "{\"v\": \"x\", \"i\": null}"));
    }

    @Test
    void notNullColumnsRejectNullAndMissingFields() {
        Schema schema = new Schema(List.of(new Field("id", FieldType.notNullable(ColumnTypes.BIGINT), null),
                Field.nullable("v", ColumnTypes.VARCHAR)));
        assertEquals("column 'id' is NOT NULL but the value is null", problem(schema, Map.of(), "{\"id\": null}"));
        assertEquals("column 'id' is missing", problem(schema, Map.of(), "{\"v\": \"x\"}"));
    }

    @Test
    void aRowLeftByAMalformedRecordIsReused() {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(TEXT_INT, allocator)) {
            RecordDecoder decoder = factory(TEXT_INT, Map.of()).create(root);
            assertNull(decode(decoder, "{\"v\": \"a\", \"i\": 1}", 0));
            assertEquals("column 'i': 'bad' is not a valid INT", decode(decoder, "{\"v\": \"long text\", \"i\": \"bad\"}", 1));
            assertNull(decode(decoder, "{\"i\": 2}", 1));
            root.setRowCount(2);
            assertEquals(List.of("a|1", "NULL|2"), Rows.of(root));
        }
    }

    @Test
    void blankLinesHoldNoRecord() {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(TEXT_INT, allocator)) {
            RecordDecoder decoder = factory(TEXT_INT, Map.of()).create(root);
            byte[] blank = " \t\r".getBytes(StandardCharsets.UTF_8);
            assertFalse(decoder.isRecord(blank, 0, blank.length));
            byte[] object = " {}".getBytes(StandardCharsets.UTF_8);
            assertTrue(decoder.isRecord(object, 0, object.length));
        }
    }

    @Test
    void badAndUnknownOptionsAreNamed() {
        SluiceException bad = assertThrows(SluiceException.class,
                () -> factory(TEXT_INT, Map.of("json.timestamp-format.standard", "RFC")));
        assertEquals(ErrorCode.INVALID_OPTION, bad.code());
        assertEquals("option 'json.timestamp-format.standard' of connector 'file': 'RFC' is not one of SQL, ISO-8601",
                bad.getMessage());

        ConnectorOptions options = new ConnectorOptions("file",
                Map.of("json.ignore-parse-errors", "true", "json.fail-on-missing-fields", "true"));
        new JsonFormatFactory().createDecoderFactory(new FormatContext("t", TEXT_INT, options));
        SluiceException unknown = assertThrows(SluiceException.class, options::checkAllUsed);
        assertEquals("unknown option 'json.fail-on-missing-fields' for connector 'file'; known options: "
                + "json.fail-on-missing-field, json.ignore-parse-errors, json.timestamp-format.standard", unknown.getMessage());
    }

    private static DecoderFactory factory(Schema schema, Map<String, String> options) {
        return new JsonFormatFactory().createDecoderFactory(
                new FormatContext("t", schema, new ConnectorOptions("file", options)));
    }

    private List<String> decodeAll(Schema schema, Map<String, String> options, String... records) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            RecordDecoder decoder = factory(schema, options).create(root);
            for (int row = 0; row < records.length; row++) {
                assertNull(decode(decoder, records[row], row), records[row]);
            }
            root.setRowCount(records.length);
            return new ArrayList<>(Rows.of(root));
        }
    }

    private String problem(Schema schema, Map<String, String> options, String record) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            return decode(factory(schema, options).create(root), record, 0);
        }
    }

    private String problem(Schema schema, byte[] record) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            return decode(factory(schema, Map.of()).create(root), record, 0);
        }
    }

    private static String decode(RecordDecoder decoder, String record, int row) {
        return decode(decoder, record.getBytes(StandardCharsets.UTF_8), row);
    }

    /** Decodes a record placed inside a larger array, so that offsets are exercised. */
    private static String decode(RecordDecoder decoder, byte[] text, int row) {
        byte[] bytes = new byte[text.length + 5];
        bytes[0] = '{';
        bytes[1] = '"';
        bytes[2] = '\n';
        System.arraycopy(text, 0, bytes, 3, text.length);
        bytes[bytes.length - 2] = '}';
        bytes[bytes.length - 1] = '\n';
        return decoder.decode(bytes, 3, text.length, row);
    }
}
