package io.sluice.runtime.format.csv;

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
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CsvFormatTest {
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
    private static final Schema TEXT_TEXT_INT = new Schema(List.of(
            Field.nullable("x", ColumnTypes.VARCHAR),
            Field.nullable("y", ColumnTypes.VARCHAR),
            Field.nullable("z", ColumnTypes.INT)));

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void noLeak() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    @Test
    void decodesEveryType() {
        assertEquals(List.of(
                        "true|-5|300|70000|-9000000000|1.5|-2.25|12.35|hello, \"world\"|2026-01-01 00:00:01.500|2024-02-29",
                        "false|127|-32768|0|9223372036854775807|-0.25|1.0E10|-0.01| spaced |1969-12-31 23:59:59.999|1970-01-01"),
                decodeAll(ALL_TYPES, Map.of(),
                        "true,-5,300,70000,-9000000000,1.5,-2.25,12.345,\"hello, \"\"world\"\"\",2026-01-01 00:00:01.5,2024-02-29",
                        "FALSE, 127 ,-32768,0,9223372036854775807,-.25,1e10,-0.005, spaced ,1969-12-31 23:59:59.999,1970-01-01"));
    }

    @Test
    void emptyFieldsAreNullExceptForVarchar() {
        assertEquals(List.of("NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL||NULL|NULL"),
                decodeAll(ALL_TYPES, Map.of(), ",,,,,,,,,,"));
        assertEquals(List.of("||NULL"), decodeAll(TEXT_TEXT_INT, Map.of(), "\"\",,\"\""));
    }

    @Test
    void theNullLiteralIsNullUnlessQuotedInAVarchar() {
        Map<String, String> options = Map.of("csv.null-literal", "N/A");
        assertEquals(List.of("NULL|N/A|NULL", "N/A|x|NULL"),
                decodeAll(TEXT_TEXT_INT, options, "N/A,\"N/A\",N/A", "\"N/A\",x,\"N/A\""));
        Map<String, String> empty = Map.of("csv.null-literal", "");
        assertEquals(List.of("NULL||NULL"), decodeAll(TEXT_TEXT_INT, empty, ",\"\","));
    }

    @Test
    void notNullColumnsRejectNulls() {
        Schema schema = new Schema(List.of(
                new Field("id", FieldType.notNullable(ColumnTypes.BIGINT), null),
                new Field("name", FieldType.notNullable(ColumnTypes.VARCHAR), null)));
        assertEquals("column 'id' is NOT NULL but the value is null", problem(schema, Map.of(), ",x"));
        assertEquals("column 'name' is NOT NULL but the value is null",
                problem(schema, Map.of("csv.null-literal", "NULL"), "1,NULL"));
        assertEquals(List.of("1|", "2|NULL"), decodeAll(schema, Map.of("csv.null-literal", "NULL"), "1,", "2,\"NULL\""));
    }

    @Test
    void quotedFieldsMayHoldDelimitersAndDoubledQuotes() {
        assertEquals(List.of("a,b|say \"hi\"|3", "|\"|4"),
                decodeAll(TEXT_TEXT_INT, Map.of(), "\"a,b\",\"say \"\"hi\"\"\",3", "\"\",\"\"\"\",\"4\""));
    }

    @Test
    void customDelimitersAndQuotes() {
        assertEquals(List.of("a|b;c|3"),
                decodeAll(TEXT_TEXT_INT, Map.of("csv.field-delimiter", ";"), "a;\"b;c\";3"));
        assertEquals(List.of("a|b,c|3"),
                decodeAll(TEXT_TEXT_INT, Map.of("csv.field-delimiter", "\\t"), "a\tb,c\t3"));
        assertEquals(List.of("a|b,c|3"),
                decodeAll(TEXT_TEXT_INT, Map.of("csv.quote-character", "'"), "a,'b,c',3"));
        assertEquals(List.of("\"a\"|\"b|3"),
                decodeAll(TEXT_TEXT_INT, Map.of("csv.disable-quote-character", "true"), "\"a\",\"b,3"));
    }

    @Test
    void theEscapeCharacterTakesTheNextOneAsItIs() {
        Map<String, String> options = Map.of("csv.escape-character", "\\");
        assertEquals(List.of("a,b|c\\d|1", "q\"uote|x|2"),
                decodeAll(TEXT_TEXT_INT, options, "a\\,b,c\\\\d,1", "\"q\\\"uote\",x,2"));
        assertEquals("column 'z': escape character at the end of the line", problem(TEXT_TEXT_INT, options, "a,b,1\\"));
    }

    @Test
    void malformedRecordsSayWhatIsWrong() {
        assertEquals("expected 3 fields, found 2", problem(TEXT_TEXT_INT, Map.of(), "a,1"));
        assertEquals("expected 3 fields, found 4", problem(TEXT_TEXT_INT, Map.of(), "a,b,1,2"));
        assertEquals("column 'z': 'x1' is not a valid INT", problem(TEXT_TEXT_INT, Map.of(), "a,b,x1"));
        assertEquals("column 'x': the quoted value does not end on this line",
                problem(TEXT_TEXT_INT, Map.of(), "\"abc,1,2"));
        assertEquals("column 'y': text after the closing quote", problem(TEXT_TEXT_INT, Map.of(), "a,\"b\"c,2"));
        assertEquals("field 4: the quoted value does not end on this line",
                problem(TEXT_TEXT_INT, Map.of(), "a,b,1,\"x"));
    }

    @Test
    void bytesThatAreNotUtf8MakeTheRecordMalformed() {
        assertEquals("column 'x': not valid UTF-8 (byte 0xFF at offset 1 of the value)",
                problem(TEXT_TEXT_INT, bytes("a", 0xFF, ",b,1")));
        assertEquals("column 'y': not valid UTF-8 (byte 0xC3 at offset 1 of the value)",
                problem(TEXT_TEXT_INT, bytes("a,b", 0xC3, ",1")), "a sequence cut short");
        assertEquals("column 'x': not valid UTF-8 (byte 0xED at offset 0 of the value)",
                problem(TEXT_TEXT_INT, bytes("", 0xED, 0xA0, 0x80, ",b,1")), "an encoded surrogate");
        assertEquals("column 'x': not valid UTF-8 (byte 0xC0 at offset 1 of the value)",
                problem(TEXT_TEXT_INT, bytes("\"/", 0xC0, 0xAF, "\",b,1")), "an overlong form in quotes");
        assertEquals("column 'y': not valid UTF-8 (byte 0x80 at offset 3 of the value)",
                problem(TEXT_TEXT_INT, bytes("a,\u00e9x", 0x80, ",1")), "a stray continuation byte");
        assertEquals(List.of("w\u00f6rld|\uD83D\uDE00 \u20ac|1"),
                decodeAll(TEXT_TEXT_INT, Map.of(), "w\u00f6rld,\uD83D\uDE00 \u20ac,1"));
    }

    @Test
    void aRowLeftByAMalformedRecordIsReused() {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(TEXT_TEXT_INT, allocator)) {
            RecordDecoder decoder = factory(TEXT_TEXT_INT, Map.of()).create(root);
            assertNull(decode(decoder, "a,b,1", 0));
            assertEquals("column 'z': 'bad' is not a valid INT", decode(decoder, "long text here,more text,bad", 1));
            assertNull(decode(decoder, ",c,", 1));
            root.setRowCount(2);
            assertEquals(List.of("a|b|1", "|c|NULL"), Rows.of(root));
        }
    }

    @Test
    void commentsAndBlankLinesHoldNoRecord() {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(TEXT_TEXT_INT, allocator)) {
            RecordDecoder comments = factory(TEXT_TEXT_INT, Map.of("csv.allow-comments", "true")).create(root);
            assertFalse(isRecord(comments, "# a comment"));
            assertFalse(isRecord(comments, ""));
            assertTrue(isRecord(comments, "a,#b,1"));
            RecordDecoder plain = factory(TEXT_TEXT_INT, Map.of()).create(root);
            assertTrue(isRecord(plain, "# not a comment"));
            assertFalse(isRecord(plain, ""));
        }
    }

    @Test
    void theHeaderOptionIsForTheConnector() {
        assertTrue(factory(TEXT_TEXT_INT, Map.of("csv.header", "true")).hasHeaderLine());
        assertFalse(factory(TEXT_TEXT_INT, Map.of()).hasHeaderLine());
    }

    @Test
    void badOptionsAreNamed() {
        assertInvalid("option 'csv.field-delimiter' of connector 'file': ';;' is not a single character",
                Map.of("csv.field-delimiter", ";;"));
        assertInvalid("option 'csv.field-delimiter' of connector 'file': must be a single ASCII character other than a line break",
                Map.of("csv.field-delimiter", "é"));
        assertInvalid("option 'csv.quote-character' of connector 'file': cannot be set when 'csv.disable-quote-character' is true",
                Map.of("csv.disable-quote-character", "true", "csv.quote-character", "'"));
        assertInvalid("option 'csv.quote-character' of connector 'file': the quote character cannot also be the field delimiter",
                Map.of("csv.quote-character", ","));
        assertInvalid("option 'csv.allow-comments' of connector 'file': 'yes' is not true or false",
                Map.of("csv.allow-comments", "yes"));
    }

    @Test
    void unknownOptionsAreFoundAfterTheFormatReadItsOwn() {
        ConnectorOptions options = new ConnectorOptions("file",
                Map.of("csv.field-delimiter", ";", "csv.ignore-parse-errors", "true", "csv.feild-delimiter", ","));
        new CsvFormatFactory().createDecoderFactory(new FormatContext("t", TEXT_TEXT_INT, options));
        SluiceException e = assertThrows(SluiceException.class, options::checkAllUsed);
        assertEquals(ErrorCode.INVALID_OPTION, e.code());
        assertTrue(e.getMessage().startsWith("unknown option 'csv.feild-delimiter' for connector 'file'; known options: "
                + "csv.allow-comments, csv.disable-quote-character, csv.escape-character, csv.field-delimiter, csv.header"),
                e.getMessage());
    }

    @Test
    void intervalColumnsAreRejectedWhenTheFormatIsMade() {
        Schema schema = new Schema(List.of(Field.nullable("gap", new ArrowType.Duration(
                org.apache.arrow.vector.types.TimeUnit.MILLISECOND))));
        SluiceException e = assertThrows(SluiceException.class, () -> factory(schema, Map.of()));
        assertEquals(ErrorCode.UNSUPPORTED, e.code());
        assertEquals("format 'csv' cannot read column 'gap' of table 't': type INTERVAL DAY TO SECOND is not supported",
                e.getMessage());
    }

    private void assertInvalid(String message, Map<String, String> options) {
        SluiceException e = assertThrows(SluiceException.class, () -> factory(TEXT_TEXT_INT, options));
        assertEquals(ErrorCode.INVALID_OPTION, e.code());
        assertEquals(message, e.getMessage());
    }

    private static DecoderFactory factory(Schema schema, Map<String, String> options) {
        return new CsvFormatFactory().createDecoderFactory(
                new FormatContext("t", schema, new ConnectorOptions("file", options)));
    }

    /** Decodes lines that must all be good into consecutive rows. */
    private List<String> decodeAll(Schema schema, Map<String, String> options, String... lines) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            RecordDecoder decoder = factory(schema, options).create(root);
            for (int row = 0; row < lines.length; row++) {
                assertNull(decode(decoder, lines[row], row), lines[row]);
            }
            root.setRowCount(lines.length);
            return new ArrayList<>(Rows.of(root));
        }
    }

    private String problem(Schema schema, Map<String, String> options, String line) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            return decode(factory(schema, options).create(root), line, 0);
        }
    }

    private String problem(Schema schema, byte[] line) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            return decode(factory(schema, Map.of()).create(root), line, 0);
        }
    }

    /** Text given as strings (UTF-8) and single bytes given as ints, in order. */
    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer b) {
                out.write(b);
            } else {
                out.writeBytes(((String) part).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static String decode(RecordDecoder decoder, String line, int row) {
        return decode(decoder, line.getBytes(StandardCharsets.UTF_8), row);
    }

    /** Decodes a line placed inside a larger array, so that offsets are exercised. */
    private static String decode(RecordDecoder decoder, byte[] text, int row) {
        byte[] bytes = new byte[text.length + 4];
        bytes[0] = ',';
        bytes[1] = '"';
        System.arraycopy(text, 0, bytes, 2, text.length);
        bytes[bytes.length - 2] = '"';
        bytes[bytes.length - 1] = '\n';
        return decoder.decode(bytes, 2, text.length, row);
    }

    private static boolean isRecord(RecordDecoder decoder, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return decoder.isRecord(bytes, 0, bytes.length);
    }
}
