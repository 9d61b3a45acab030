package io.sluice.runtime.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.format.csv.CsvFormatFactory;
import io.sluice.runtime.format.json.JsonFormatFactory;
import io.sluice.runtime.testing.Rows;
import io.sluice.runtime.vector.ColumnTypes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The csv and json encoders: the exact text they write, and that their decoders read it back as the same rows. */
class EncoderRoundTripTest {
    private static final Schema ALL_TYPES = new Schema(List.of(
            Field.nullable("b", ColumnTypes.BOOLEAN),
            Field.nullable("i", ColumnTypes.INT),
            Field.nullable("l", ColumnTypes.BIGINT),
            Field.nullable("d", ColumnTypes.DOUBLE),
            Field.nullable("m", ColumnTypes.decimal(10, 2)),
            Field.nullable("v", ColumnTypes.VARCHAR),
            Field.nullable("ts", ColumnTypes.TIMESTAMP),
            Field.nullable("day", ColumnTypes.DATE)));
    private static final FormatRegistry FORMATS = new FormatRegistry(List.of(new CsvFormatFactory(),
            new JsonFormatFactory()));

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void noLeak() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    @Test
    void csvQuotesOnlyWhatWouldNotReadBack() {
        List<String> rows = List.of(
                "true|-7|9000000000|1.5|12.30|plain|2026-01-01 00:00:01.500|2024-02-29",
                "false|0|0|-0.25|0.00|a,b \"c\"|1970-01-01 00:00:00.000|1970-01-01",
                "NULL|NULL|NULL|NULL|NULL||NULL|NULL",
                "NULL|1|NULL|NULL|NULL|NULL|NULL|NULL");
        List<String> lines = encode("csv", Map.of(), rows);
        assertEquals(List.of(
                "true,-7,9000000000,1.5,12.30,plain,2026-01-01 00:00:01.500,2024-02-29",
                "false,0,0,-0.25,0.00,\"a,b \"\"c\"\"\",1970-01-01 00:00:00.000,1970-01-01",
                ",,,,,\"\",,",
                ",1,,,,,,"), lines);
        // Without a null literal an empty VARCHAR field reads as the empty string, so a NULL one comes back empty.
        assertEquals(List.of(rows.get(0), rows.get(1), rows.get(2), "NULL|1|NULL|NULL|NULL||NULL|NULL"),
                decode("csv", Map.of(), lines));
    }

    @Test
    void csvWritesTheNullLiteralAndQuotesAStringEqualToIt() {
        Map<String, String> options = Map.of("csv.null-literal", "NULL", "csv.field-delimiter", "|");
        Schema schema = new Schema(List.of(Field.nullable("v", ColumnTypes.VARCHAR), Field.nullable("i", ColumnTypes.INT)));
        VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
        try (root) {
            root.allocateNew();
            io.sluice.runtime.vector.VectorValues.set(root.getVector(0), 0, "NULL");
            io.sluice.runtime.vector.VectorValues.set(root.getVector(1), 0, null);
            root.setRowCount(1);
            RecordBuffer out = new RecordBuffer();
            FORMATS.encoders(context("csv", schema, options)).create().encode(root, 0, out);
            assertEquals("\"NULL\"|NULL", new String(out.toByteArray(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void jsonWritesOneObjectPerRowThatReadsBack() {
        List<String> rows = List.of(
                "true|-7|9000000000|1.5|12.30|say \"hi\"\tnow\\|2026-01-01 00:00:01.500|2024-02-29",
                "NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL");
        List<String> lines = encode("json", Map.of(), rows);
        assertEquals(List.of(
                "{\"b\":true,\"i\":-7,\"l\":9000000000,\"d\":1.5,\"m\":12.30,\"v\":\"say \\\"hi\\\"\\tnow\\\\\","
                        + "\"ts\":\"2026-01-01 00:00:01.500\",\"day\":\"2024-02-29\"}",
                "{\"b\":null,\"i\":null,\"l\":null,\"d\":null,\"m\":null,\"v\":null,\"ts\":null,\"day\":null}"), lines);
        assertEquals(rows, decode("json", Map.of(), lines));
    }

    @Test
    void jsonWritesIsoTimestampsWhenAsked() {
        List<String> lines = encode("json", Map.of("json.timestamp-format.standard", "ISO-8601"),
                List.of("NULL|NULL|NULL|NULL|NULL|NULL|2026-01-01 00:00:01.500|NULL"));
        assertEquals("{\"b\":null,\"i\":null,\"l\":null,\"d\":null,\"m\":null,\"v\":null,"
                + "\"ts\":\"2026-01-01T00:00:01.500\",\"day\":null}", lines.get(0));
    }

    private List<String> encode(String format, Map<String, String> options, List<String> rows) {
        List<String> pipeRows = List.copyOf(rows);
        try (VectorSchemaRoot root = VectorSchemaRoot.create(ALL_TYPES, allocator)) {
            root.allocateNew();
            RecordDecoder reader = FORMATS.decoders(context("csv", ALL_TYPES,
                    Map.of("csv.field-delimiter", "|", "csv.null-literal", "NULL", "csv.disable-quote-character", "true")))
                    .create(root);
            for (int row = 0; row < pipeRows.size(); row++) {
                byte[] bytes = pipeRows.get(row).getBytes(StandardCharsets.UTF_8);
                assertNull(reader.decode(bytes, 0, bytes.length, row), pipeRows.get(row));
            }
            root.setRowCount(pipeRows.size());
            RecordEncoder encoder = FORMATS.encoders(context(format, ALL_TYPES, options)).create();
            List<String> lines = new ArrayList<>();
            RecordBuffer out = new RecordBuffer(4);
            for (int row = 0; row < root.getRowCount(); row++) {
                out.clear();
                encoder.encode(root, row, out);
                lines.add(new String(out.bytes(), 0, out.length(), StandardCharsets.UTF_8));
            }
            return lines;
        }
    }

    private List<String> decode(String format, Map<String, String> options, List<String> lines) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(ALL_TYPES, allocator)) {
            root.allocateNew();
            RecordDecoder decoder = FORMATS.decoders(context(format, ALL_TYPES, options)).create(root);
            for (int row = 0; row < lines.size(); row++) {
                byte[] bytes = lines.get(row).getBytes(StandardCharsets.UTF_8);
                assertNull(decoder.decode(bytes, 0, bytes.length, row), lines.get(row));
            }
            root.setRowCount(lines.size());
            return Rows.of(root);
        }
    }

    private static FormatContext context(String format, Schema schema, Map<String, String> options) {
        Map<String, String> all = new HashMap<>(options);
        all.put("format", format);
        return new FormatContext("t", schema, new ConnectorOptions("test", all));
    }
}
