package io.sluice.runtime.format.debezium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.changelog.RowKind;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.format.DecoderFactory;
import io.sluice.runtime.format.EncoderFactory;
import io.sluice.runtime.format.FormatContext;
import io.sluice.runtime.format.RecordBuffer;
import io.sluice.runtime.format.RecordDecoder;
import io.sluice.runtime.format.RecordEncoder;
import io.sluice.runtime.testing.Rows;
import io.sluice.runtime.vector.ColumnTypes;
import io.sluice.runtime.vector.ColumnViews;
import io.sluice.runtime.vector.VectorValues;
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

/** Debezium changes read as rows with their kinds, written back as Flink writes them, and bad changes told apart. */
class DebeziumJsonFormatTest {
    private static final Schema PRODUCTS = new Schema(List.of(
            Field.nullable("id", ColumnTypes.INT),
            Field.nullable("name", ColumnTypes.VARCHAR),
            Field.nullable("ts", ColumnTypes.TIMESTAMP)));

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void noLeak() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    @Test
    void eachOperationBecomesItsRowsWithTheirKinds() {
        String source = "\"source\":{\"db\":\"shop\",\"table\":\"products\"},\"ts_ms\":1";
        List<String> records = List.of(
                "{\"before\":null,\"after\":{\"id\":1,\"name\":\"apple\",\"ts\":\"2026-01-01 00:00:01\"},"
                        + source + ",\"op\":\"r\"}",
                "{\"op\":\"c\",\"after\":{\"id\":2,\"name\":\"pear\"},\"before\":null}",
                "{\"before\":{\"id\":1,\"name\":\"apple\"},\"after\":{\"id\":1,\"name\":\"green apple\"},\"op\":\"u\"}",
                "{\"before\":{\"id\":2,\"name\":\"pear\"},\"after\":null," + source + ",\"op\":\"d\"}");
        assertEquals(List.of(
                "+I|1|apple|2026-01-01 00:00:01.000",
                "+I|2|pear|NULL",
                "-U|1|apple|NULL",
                "+U|1|green apple|NULL",
                "-D|2|pear|NULL"), decode(Map.of(), records));
    }

    @Test
    void theSchemaEnvelopeIsReadWithSchemaInclude() {
        String record = "{\"schema\":{\"type\":\"struct\",\"fields\":[]},\"payload\":{\"before\":{\"id\":3,\"name\":\"plum\"},"
                + "\"after\":{\"id\":3,\"name\":\"prune\"},\"op\":\"u\"}}";
        assertEquals(List.of("-U|3|plum|NULL", "+U|3|prune|NULL"),
                decode(Map.of("debezium-json.schema-include", "true"), List.of(record)));
        // Without the option the envelope's change is not found, and the message says what to set.
        assertEquals("the record has no 'op' field but a 'payload': set 'debezium-json.schema-include' = 'true'",
                problem(Map.of(), record));
    }

    @Test
    void whatIsNotAChangeIsMalformedWithItsReason() {
        assertEquals("the record has no 'op' field", problem(Map.of(), "{\"after\":{\"id\":1}}"));
        assertEquals("unknown 'op' value 't' (expected c, r, u or d)", problem(Map.of(), "{\"op\":\"t\"}"));
        assertEquals("'op' is 'd' but 'before' is null or missing",
                problem(Map.of(), "{\"before\":null,\"after\":{\"id\":1},\"op\":\"d\"}"));
        assertTrue(problem(Map.of(), "{\"after\":{\"id\":1},\"op\":\"u\"}").startsWith("the update has no 'before' row"));
        assertEquals("'after': column 'id': 'x' is not a valid INT",
                problem(Map.of(), "{\"after\":{\"id\":\"x\"},\"op\":\"c\"}"));
        assertTrue(problem(Map.of(), "{\"op\":\"c\",").startsWith("invalid JSON"));
        assertEquals("the record is not a JSON object", problem(Map.of(), "[1]"));
    }

    @Test
    void addingRowsAreWrittenAsCreatesAndTakingRowsAsDeletesAndReadBack() {
        EncoderFactory encoders = new DebeziumJsonFormatFactory().createEncoderFactory(context(Map.of()));
        assertEquals(ChangelogMode.RETRACT, encoders.changelogMode());
        List<String> lines = new ArrayList<>();
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(RowKinds.withRowKind(PRODUCTS), allocator)) {
            RowKind[] kinds = {RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER, RowKind.DELETE};
            for (int row = 0; row < kinds.length; row++) {
                VectorValues.set(batch.getVector(0), row, row);
                VectorValues.set(batch.getVector(1), row, "n\"" + row);
                VectorValues.set(batch.getVector(2), row, row == 0 ? 1_000L : null);
                RowKinds.set(RowKinds.of(batch), row, kinds[row]);
            }
            batch.setRowCount(kinds.length);
            RecordEncoder encoder = encoders.create();
            RecordBuffer out = new RecordBuffer();
            for (int row = 0; row < kinds.length; row++) {
                out.clear();
                encoder.encode(batch, row, out);
                lines.add(new String(out.toByteArray(), StandardCharsets.UTF_8));
            }
            // A batch without the row-kind column holds inserts.
            out.clear();
            encoder.encode(ColumnViews.leading(batch, 3), 3, out);
            lines.add(new String(out.toByteArray(), StandardCharsets.UTF_8));
        }
        assertEquals(List.of(
                "{\"before\":null,\"after\":{\"id\":0,\"name\":\"n\\\"0\",\"ts\":\"1970-01-01 00:00:01.000\"},\"op\":\"c\"}",
                "{\"before\":{\"id\":1,\"name\":\"n\\\"1\",\"ts\":null},\"after\":null,\"op\":\"d\"}",
                "{\"before\":null,\"after\":{\"id\":2,\"name\":\"n\\\"2\",\"ts\":null},\"op\":\"c\"}",
                "{\"before\":{\"id\":3,\"name\":\"n\\\"3\",\"ts\":null},\"after\":null,\"op\":\"d\"}",
                "{\"before\":null,\"after\":{\"id\":3,\"name\":\"n\\\"3\",\"ts\":null},\"op\":\"c\"}"), lines);
        assertEquals(List.of("+I|0|n\"0|1970-01-01 00:00:01.000", "-D|1|n\"1|NULL", "+I|2|n\"2|NULL",
                "-D|3|n\"3|NULL", "+I|3|n\"3|NULL"), decode(Map.of(), lines));
    }

    @Test
    void writingWithSchemaIncludeReadsBack() {
        EncoderFactory encoders = new DebeziumJsonFormatFactory().createEncoderFactory(
                context(Map.of("debezium-json.schema-include", "true")));
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(PRODUCTS, allocator)) {
            VectorValues.set(batch.getVector(0), 0, 7);
            VectorValues.set(batch.getVector(1), 0, "fig");
            VectorValues.set(batch.getVector(2), 0, null);
            batch.setRowCount(1);
            RecordBuffer out = new RecordBuffer();
            encoders.create().encode(batch, 0, out);
            String line = new String(out.toByteArray(), StandardCharsets.UTF_8);
            assertEquals("{\"schema\":null,\"payload\":{\"before\":null,\"after\":{\"id\":7,\"name\":\"fig\",\"ts\":null},"
                    + "\"op\":\"c\"}}", line);
            assertEquals(List.of("+I|7|fig|NULL"), decode(Map.of("debezium-json.schema-include", "true"), List.of(line)));
        }
    }

    private static FormatContext context(Map<String, String> options) {
        Map<String, String> all = new HashMap<>(options);
        all.put("format", "debezium-json");
        return new FormatContext("products", PRODUCTS, new ConnectorOptions("file", all));
    }

    /** The rows the records decode into, each as {@code kind|id|name|ts}. */
    private List<String> decode(Map<String, String> options, List<String> records) {
        DecoderFactory decoders = new DebeziumJsonFormatFactory().createDecoderFactory(context(options));
        assertEquals(ChangelogMode.RETRACT, decoders.changelogMode());
        List<String> rows = new ArrayList<>();
        try (VectorSchemaRoot target = VectorSchemaRoot.create(RowKinds.withRowKind(PRODUCTS), allocator)) {
            RecordDecoder decoder = decoders.create(target);
            assertEquals(2, decoder.maxRowsPerRecord());
            int row = 0;
            for (String record : records) {
                byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
                assertNull(decoder.decode(bytes, 0, bytes.length, row), record);
                row += decoder.rowsDecoded();
            }
            target.setRowCount(row);
            for (int r = 0; r < row; r++) {
                rows.add(RowKinds.at(target, r).shortString() + "|"
                        + Rows.row(ColumnViews.leading(target, PRODUCTS.getFields().size()), r));
            }
        }
        return rows;
    }

    private String problem(Map<String, String> options, String record) {
        DecoderFactory decoders = new DebeziumJsonFormatFactory().createDecoderFactory(context(options));
        try (VectorSchemaRoot target = VectorSchemaRoot.create(RowKinds.withRowKind(PRODUCTS), allocator)) {
            byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
            return decoders.create(target).decode(bytes, 0, bytes.length, 0);
        }
    }
}
