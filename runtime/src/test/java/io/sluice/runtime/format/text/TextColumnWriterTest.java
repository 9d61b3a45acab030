package io.sluice.runtime.format.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.vector.ColumnTypes;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TextColumnWriterTest {
    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void noLeak() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    @Test
    void writesEachTypeAndExplicitNulls() {
        Schema schema = new Schema(List.of(
                Field.nullable("b", ColumnTypes.BOOLEAN),
                Field.nullable("i", ColumnTypes.INT),
                Field.nullable("d", ColumnTypes.decimal(25, 2)),
                Field.nullable("s", ColumnTypes.VARCHAR),
                Field.nullable("ts", ColumnTypes.TIMESTAMP)));
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            TextColumnWriter writer = new TextColumnWriter(root,
                    ColumnKind.of(schema, "csv", "t"), TimestampFormat.SQL);
            assertNull(write(writer, 0, 0, "TRUE"));
            assertNull(write(writer, 1, 0, "-12"));
            assertNull(write(writer, 2, 0, "12345678901234567890.125"));
            assertNull(write(writer, 3, 0, "héllo"));
            assertNull(write(writer, 4, 0, "1970-01-01 00:00:01"));
            for (int c = 0; c < 5; c++) {
                assertNull(writer.writeNull(c, 1));
            }
            assertNull(write(writer, 3, 2, "x"));
            root.setRowCount(3);

            assertEquals(true, root.getVector("b").getObject(0));
            assertEquals(-12, root.getVector("i").getObject(0));
            assertEquals(new BigDecimal("12345678901234567890.13"), root.getVector("d").getObject(0));
            assertEquals("héllo", root.getVector("s").getObject(0).toString());
            assertEquals(1000L, ((org.apache.arrow.vector.TimeStampMilliVector) root.getVector("ts")).get(0));
            for (int c = 0; c < 5; c++) {
                assertTrue(root.getVector(c).isNull(1), "column " + c);
            }
            VarCharVector s = (VarCharVector) root.getVector("s");
            assertEquals("x", new String(s.get(2), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aReusedRowLosesItsEarlierValue() {
        Schema schema = new Schema(List.of(Field.nullable("s", ColumnTypes.VARCHAR), Field.nullable("i", ColumnTypes.INT)));
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            TextColumnWriter writer = new TextColumnWriter(root, ColumnKind.of(schema, "csv", "t"), TimestampFormat.SQL);
            for (int row = 0; row < 3; row++) {
                assertNull(write(writer, 0, row, "first-batch-" + row));
                assertNull(write(writer, 1, row, "7"));
            }
            root.setRowCount(3);
            // The second batch reuses the root: a null, then a value, must not show the first batch's bytes.
            assertNull(writer.writeNull(0, 0));
            assertNull(writer.writeNull(1, 0));
            assertNull(write(writer, 0, 1, "b"));
            assertNull(write(writer, 1, 1, "8"));
            root.setRowCount(2);
            VarCharVector s = (VarCharVector) root.getVector("s");
            assertTrue(s.isNull(0));
            assertTrue(root.getVector("i").isNull(0));
            assertEquals("b", new String(s.get(1), StandardCharsets.UTF_8));
            assertEquals(8, root.getVector("i").getObject(1));
        }
    }

    @Test
    void reasonsNameTheColumnAndQuoteTheValue() {
        Schema schema = new Schema(List.of(
                new Field("id", FieldType.notNullable(ColumnTypes.BIGINT), null),
                Field.nullable("d", ColumnTypes.DATE)));
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            TextColumnWriter writer = new TextColumnWriter(root, ColumnKind.of(schema, "json", "t"), TimestampFormat.SQL);
            assertEquals("column 'id': 'abc' is not a valid BIGINT", write(writer, 0, 0, "abc"));
            assertEquals("column 'd': '2026-02-30' is not a valid DATE: day 30 of 2026-02 is out of range",
                    write(writer, 1, 0, "2026-02-30"));
            assertEquals("column 'id' is NOT NULL but the value is null", writer.writeNull(0, 0));
            assertEquals("column 'id': '" + "9".repeat(40) + "…' is not a valid BIGINT",
                    write(writer, 0, 0, "9".repeat(50) + "x"));
        }
    }

    @Test
    void intervalsAreRejectedNamingTheColumn() {
        Schema schema = new Schema(List.of(Field.nullable("k", ColumnTypes.INT),
                Field.nullable("gap", ColumnTypes.INTERVAL_DAY_TIME)));
        SluiceException e = assertThrows(SluiceException.class, () -> ColumnKind.of(schema, "csv", "bids"));
        assertEquals(ErrorCode.UNSUPPORTED, e.code());
        assertEquals("format 'csv' cannot read column 'gap' of table 'bids': type INTERVAL DAY TO SECOND is not supported",
                e.getMessage());
        Schema months = new Schema(List.of(Field.nullable("m", ColumnTypes.INTERVAL_YEAR_MONTH)));
        assertEquals("format 'json' cannot read column 'm' of table 'bids': type INTERVAL YEAR TO MONTH is not supported",
                assertThrows(SluiceException.class, () -> ColumnKind.of(months, "json", "bids")).getMessage());
        Schema unsigned = new Schema(List.of(Field.nullable("u", new ArrowType.Int(32, false))));
        assertEquals(ErrorCode.UNSUPPORTED,
                assertThrows(SluiceException.class, () -> ColumnKind.of(unsigned, "csv", "t")).code());
    }

    private static String write(TextColumnWriter writer, int column, int row, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return writer.write(column, row, bytes, 0, bytes.length);
    }
}
