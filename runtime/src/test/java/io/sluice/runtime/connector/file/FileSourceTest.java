package io.sluice.runtime.connector.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.changelog.ChangelogMode;
import io.sluice.runtime.changelog.RowKinds;
import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.ConnectorRegistry;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceContext;
import io.sluice.runtime.connector.SourceFactory;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.FormatRegistry;
import io.sluice.runtime.metrics.MalformedRecord;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.testing.Rows;
import io.sluice.runtime.testing.TestTasks;
import io.sluice.runtime.vector.ColumnTypes;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTest {
    private static final Schema ID_NAME = new Schema(List.of(
            Field.nullable("id", ColumnTypes.INT),
            Field.nullable("name", ColumnTypes.VARCHAR)));
    private static final FormatRegistry FORMATS = FormatRegistry.load(FileSourceTest.class.getClassLoader());

    @TempDir
    Path dir;

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void noLeak() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    @Test
    void readsTheVisibleFilesOfADirectoryInNameOrder() throws IOException {
        write("b.csv", "id,name\n3,c\r\n4,d");
        write("a.csv", "id,name\n1,a\n\n2,b\n");
        write(".hidden.csv", "id,name\n98,hidden\n");
        write("_SUCCESS", "");
        Files.createDirectory(dir.resolve("c"));
        write("c/nested.csv", "id,name\n99,nested\n");
        Source source = create(new FileSourceFactory(), ID_NAME, Map.of("path", dir.toString(), "format", "csv",
                "csv.header", "true"));
        QueryMetrics metrics = new QueryMetrics();
        assertEquals(List.of("1|a", "2|b", "3|c", "4|d"), readAll(source, 1, 0, 100, metrics));
        assertEquals(0, metrics.malformedRecords());
    }

    @Test
    void everyLineIsReadOnceAtAnyParallelism() throws IOException {
        Random random = new Random(7);
        StringBuilder content = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int id = 0; id < 3000; id++) {
            // Names from empty to longer than a split, so that lines cross several range ends.
            String name = "n".repeat(random.nextInt(10) == 0 ? 150 + random.nextInt(200) : random.nextInt(12));
            content.append(id).append(',').append(name).append(random.nextBoolean() ? "\n" : "\r\n");
            expected.add(id + "|" + name);
            if (random.nextInt(50) == 0) {
                content.append('\n');
            }
        }
        write("big.csv", content.toString());
        // Ranges of 97 bytes read through a 16-byte buffer.
        SourceFactory factory = new FileSourceFactory(97, 16, 1 << 20);
        for (int parallelism = 1; parallelism <= 4; parallelism++) {
            Source source = create(factory, ID_NAME, Map.of("path", dir.resolve("big.csv").toString(), "format", "csv"));
            QueryMetrics metrics = new QueryMetrics();
            List<String> rows = new ArrayList<>();
            for (int task = 0; task < parallelism; task++) {
                rows.addAll(readAll(source, parallelism, task, 64, metrics));
            }
            assertEquals(List.of(), multisetDifference(expected, rows), "parallelism " + parallelism);
            assertEquals(0, metrics.malformedRecords());
        }
    }

    @Test
    void malformedLinesAreReportedWithTheirLineNumberInTheFile() throws IOException {
        for (int badLine : new int[] {1, 2, 57, 150, 151, 400}) {
            StringBuilder content = new StringBuilder();
            for (int line = 1; line <= 400; line++) {
                content.append(line == badLine ? "x" + line + ",bad" : line + ",name" + line).append('\n');
            }
            Path file = write("lines.csv", content.toString());
            for (int parallelism : new int[] {1, 3}) {
                Source source = create(new FileSourceFactory(300, 64, 1 << 20), ID_NAME,
                        Map.of("path", file.toString(), "format", "csv"));
                QueryMetrics metrics = new QueryMetrics();
                int rows = 0;
                for (int task = 0; task < parallelism; task++) {
                    rows += readAll(source, parallelism, task, 50, metrics).size();
                }
                assertEquals(399, rows);
                assertEquals(1, metrics.malformedRecords());
                assertEquals(new MalformedRecord(file + " line " + badLine,
                                "column 'id': 'x" + badLine + "' is not a valid INT", "x" + badLine + ",bad"),
                        metrics.firstMalformed(), "parallelism " + parallelism);
            }
        }
    }

    @Test
    void aLineTooLongIsMalformedAndTheNextLineIsRead() throws IOException {
        Path file = write("long.csv", "1,a\n2," + "x".repeat(200) + "\n3,c\n");
        Source source = create(new FileSourceFactory(1 << 20, 8, 64), ID_NAME,
                Map.of("path", file.toString(), "format", "csv"));
        QueryMetrics metrics = new QueryMetrics();
        assertEquals(List.of("1|a", "3|c"), readAll(source, 1, 0, 10, metrics));
        assertEquals(1, metrics.malformedRecords());
        assertEquals(file + " line 2: line longer than 64 bytes: 2," + "x".repeat(62), metrics.firstMalformed().toString());
    }

    @Test
    void theHeaderIsSkippedOnlyAtTheStartOfEachFile() throws IOException {
        StringBuilder content = new StringBuilder("id,name\n");
        for (int id = 1; id <= 50; id++) {
            content.append(id).append(",x\n");
        }
        write("with-header.csv", content.toString());
        Source source = create(new FileSourceFactory(40, 16, 1024), ID_NAME,
                Map.of("path", dir.toString(), "format", "csv", "csv.header", "true"));
        QueryMetrics metrics = new QueryMetrics();
        List<String> rows = new ArrayList<>();
        for (int task = 0; task < 2; task++) {
            rows.addAll(readAll(source, 2, task, 7, metrics));
        }
        assertEquals(50, rows.size());
        assertEquals(0, metrics.malformedRecords());
    }

    @Test
    void aByteOrderMarkAtTheStartOfAFileIsSkipped() throws IOException {
        String bom = "\uFEFF";
        write("a.csv", bom + "1,a\n2,b\n");
        write("b.csv", bom + "id,name\n3,c\n");
        write("c.json", bom + "{\"id\": 4, \"name\": \"d\"}\n");
        // Elsewhere the mark is the character U+FEFF: data, here not a valid INT.
        write("d.csv", "5,e\n" + bom + "6,f\n");
        QueryMetrics metrics = new QueryMetrics();
        List<String> rows = new ArrayList<>();
        for (String file : List.of("a.csv", "d.csv")) {
            rows.addAll(readAll(create(new FileSourceFactory(), ID_NAME,
                    Map.of("path", dir.resolve(file).toString(), "format", "csv")), 1, 0, 10, metrics));
        }
        rows.addAll(readAll(create(new FileSourceFactory(), ID_NAME, Map.of("path", dir.resolve("b.csv").toString(),
                "format", "csv", "csv.header", "true")), 1, 0, 10, metrics));
        rows.addAll(readAll(create(new FileSourceFactory(), ID_NAME,
                Map.of("path", dir.resolve("c.json").toString(), "format", "json")), 1, 0, 10, metrics));
        assertEquals(List.of("1|a", "2|b", "5|e", "3|c", "4|d"), rows);
        assertEquals(1, metrics.malformedRecords());
        assertEquals(dir.resolve("d.csv") + " line 2", metrics.firstMalformed().location());
    }

    @Test
    void aByteOrderMarkIsSkippedWhenTheFirstLineCrossesTheFirstSplit() throws IOException {
        Path file = write("split.csv", "\uFEFF1,aaaaaaaaaaaaaaaa\n2,b\n3,c\n");
        for (int parallelism = 1; parallelism <= 3; parallelism++) {
            // Ranges of 2 and 3 bytes: the first ends inside the mark, or right after it.
            for (int splitSize : new int[] {2, 3}) {
                Source source = create(new FileSourceFactory(splitSize, 4, 1024), ID_NAME,
                        Map.of("path", file.toString(), "format", "csv"));
                QueryMetrics metrics = new QueryMetrics();
                List<String> rows = new ArrayList<>();
                for (int task = 0; task < parallelism; task++) {
                    rows.addAll(readAll(source, parallelism, task, 10, metrics));
                }
                rows.sort(null);
                assertEquals(List.of("1|aaaaaaaaaaaaaaaa", "2|b", "3|c"), rows, "split size " + splitSize);
                assertEquals(0, metrics.malformedRecords());
            }
        }
    }

    @Test
    void invalidUtf8IsMalformedInCsvAsInJson() throws IOException {
        byte[] latin1 = "\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        Path csv = dir.resolve("latin1.csv");
        Files.write(csv, concat("1,a\n2,caf".getBytes(StandardCharsets.UTF_8), latin1, "\n3,c\n".getBytes(StandardCharsets.UTF_8)));
        Path json = dir.resolve("latin1.json");
        Files.write(json, concat("{\"id\": 1}\n{\"id\": 2, \"name\": \"caf".getBytes(StandardCharsets.UTF_8), latin1,
                "\"}\n{\"id\": 3}\n".getBytes(StandardCharsets.UTF_8)));
        for (Path file : List.of(csv, json)) {
            String format = file.toString().endsWith(".csv") ? "csv" : "json";
            QueryMetrics metrics = new QueryMetrics();
            List<String> rows = readAll(create(new FileSourceFactory(), ID_NAME,
                    Map.of("path", file.toString(), "format", format)), 1, 0, 10, metrics);
            assertEquals(2, rows.size(), format);
            assertEquals(1, metrics.malformedRecords(), format);
            assertEquals(file + " line 2", metrics.firstMalformed().location(), format);
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void aFileTruncatedWhileItIsReadEndsTheReadWithAnErrorNamingIt() throws IOException {
        StringBuilder content = new StringBuilder();
        for (int id = 1; id <= 30; id++) {
            content.append(id).append(",name").append(id).append('\n');
        }
        Path file = write("shrinking.csv", content.toString());
        long size = Files.size(file);
        // A 16-byte buffer: the reader holds little more than the line it is on.
        Source source = create(new FileSourceFactory(1 << 20, 16, 1024), ID_NAME,
                Map.of("path", file.toString(), "format", "csv"));
        try (VectorSchemaRoot root = VectorSchemaRoot.create(ID_NAME, allocator);
                SourceReader reader = source.createReader(
                        TestTasks.context(allocator, new QueryMetrics(), 0, 1, 10), ReadMode.SNAPSHOT)) {
            assertEquals(10, reader.read(root));
            assertEquals("10|name10", Rows.of(root).get(9));
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(40);
            }
            SluiceException e = assertThrows(SluiceException.class, () -> reader.read(root));
            assertEquals(ErrorCode.IO_ERROR, e.code());
            assertEquals("file '" + file + "' was truncated while the query read it: it had " + size
                    + " bytes when the query started and has 40 now", e.getMessage());
        }
    }

    @Test
    void aFileTruncatedBeforeItIsOpenedIsAnErrorToo() throws IOException {
        write("a.csv", "1,a\n2,b\n3,c\n");
        Path second = write("b.csv", "4,d\n5,e\n");
        Source source = create(new FileSourceFactory(), ID_NAME, Map.of("path", dir.toString(), "format", "csv"));
        try (VectorSchemaRoot root = VectorSchemaRoot.create(ID_NAME, allocator);
                SourceReader reader = source.createReader(
                        TestTasks.context(allocator, new QueryMetrics(), 0, 1, 2), ReadMode.SNAPSHOT)) {
            assertEquals(List.of("1|a", "2|b"), readBatch(reader, root));
            Files.writeString(second, "4,d\n");
            SluiceException e = assertThrows(SluiceException.class, () -> reader.read(root));
            assertEquals("file '" + second + "' was truncated while the query read it: it had 8 bytes when the query "
                    + "started and has 4 now", e.getMessage());
        }
    }

    @Test
    void aFileDeletedBeforeItIsOpenedEndsTheReadWithAnErrorNamingIt() throws IOException {
        write("a.csv", "1,a\n2,b\n3,c\n");
        Path second = write("b.csv", "4,d\n");
        Source source = create(new FileSourceFactory(), ID_NAME, Map.of("path", dir.toString(), "format", "csv"));
        try (VectorSchemaRoot root = VectorSchemaRoot.create(ID_NAME, allocator);
                SourceReader reader = source.createReader(
                        TestTasks.context(allocator, new QueryMetrics(), 0, 1, 2), ReadMode.SNAPSHOT)) {
            assertEquals(List.of("1|a", "2|b"), readBatch(reader, root));
            Files.delete(second);
            SluiceException e = assertThrows(SluiceException.class, () -> reader.read(root));
            assertEquals(ErrorCode.IO_ERROR, e.code());
            assertEquals("file '" + second + "' was deleted while the query read it", e.getMessage());
        }
    }

    @Test
    void aFileDeletedAfterItWasOpenedIsReadToItsEnd() throws IOException {
        Path file = write("a.csv", "1,a\n2,b\n3,c\n");
        Source source = create(new FileSourceFactory(1 << 20, 4, 1024), ID_NAME,
                Map.of("path", file.toString(), "format", "csv"));
        try (VectorSchemaRoot root = VectorSchemaRoot.create(ID_NAME, allocator);
                SourceReader reader = source.createReader(
                        TestTasks.context(allocator, new QueryMetrics(), 0, 1, 1), ReadMode.SNAPSHOT)) {
            assertEquals(List.of("1|a"), readBatch(reader, root));
            Files.delete(file);
            assertEquals(List.of("2|b"), readBatch(reader, root));
            assertEquals(List.of("3|c"), readBatch(reader, root));
            assertEquals(SourceReader.END, reader.read(root));
        }
    }

    private static List<String> readBatch(SourceReader reader, VectorSchemaRoot root) {
        int count = reader.read(root);
        assertTrue(count > 0, "no batch");
        return Rows.of(root);
    }

    @Test
    void jsonLinesAndCommentsGoThroughTheFormat() throws IOException {
        write("events.json", "{\"id\": 1, \"name\": \"a\"}\n  \n{\"id\": 2}\n{\"id\": \"two\"}\n");
        Source source = create(new FileSourceFactory(), ID_NAME, Map.of("path", dir.toString(), "format", "json"));
        QueryMetrics metrics = new QueryMetrics();
        assertEquals(List.of("1|a", "2|NULL"), readAll(source, 1, 0, 10, metrics));
        assertEquals(dir.resolve("events.json") + " line 4: column 'id': 'two' is not a valid INT: {\"id\": \"two\"}",
                metrics.firstMalformed().toString());

        write("comments.csv", "# ids and names\n5,e\n");
        Source csv = create(new FileSourceFactory(), ID_NAME, Map.of("path", dir.resolve("comments.csv").toString(),
                "format", "csv", "csv.allow-comments", "true"));
        assertEquals(List.of("5|e"), readAll(csv, 1, 0, 10, new QueryMetrics()));
    }

    @Test
    void readersBeyondTheSplitsEndAtOnce() throws IOException {
        write("one.csv", "1,a\n");
        Source source = create(new FileSourceFactory(), ID_NAME, Map.of("path", dir.toString(), "format", "csv"));
        assertEquals(List.of(), readAll(source, 3, 2, 10, new QueryMetrics()));
        assertEquals(List.of("1|a"), readAll(source, 3, 0, 10, new QueryMetrics()));
    }

    @Test
    void aMissingPathIsAnIoErrorWhenReadersAreMade() {
        Path missing = dir.resolve("no-such.csv");
        Source source = create(new FileSourceFactory(), ID_NAME, Map.of("path", missing.toString(), "format", "csv"));
        SluiceException e = assertThrows(SluiceException.class, () -> source.createReader(
                TestTasks.context(allocator, new QueryMetrics(), 0, 1, 10), ReadMode.SNAPSHOT));
        assertEquals(ErrorCode.IO_ERROR, e.code());
        assertEquals("path '" + missing + "' does not exist", e.getMessage());
    }

    @Test
    void optionsAreCheckedWhenTheSourceIsMade() {
        SluiceException noPath = assertThrows(SluiceException.class,
                () -> create(new FileSourceFactory(), ID_NAME, Map.of("format", "csv")));
        assertEquals(ErrorCode.INVALID_OPTION, noPath.code());
        assertEquals("connector 'file' requires the option 'path'", noPath.getMessage());

        SluiceException noFormat = assertThrows(SluiceException.class,
                () -> create(new FileSourceFactory(), ID_NAME, Map.of("path", "/tmp")));
        assertEquals("connector 'file' requires the option 'format'", noFormat.getMessage());

        SluiceException remote = assertThrows(SluiceException.class,
                () -> create(new FileSourceFactory(), ID_NAME, Map.of("path", "s3://bucket/x", "format", "csv")));
        assertEquals("option 'path' of connector 'file': 's3://bucket/x' is not a local path; "
                + "the file connector reads local files only", remote.getMessage());

        SluiceException badFormat = assertThrows(SluiceException.class,
                () -> create(new FileSourceFactory(), ID_NAME, Map.of("path", "/tmp", "format", "xml")));
        assertTrue(badFormat.getMessage().startsWith("unknown format 'xml' in option 'format' of connector 'file'; "
                + "known formats: csv, debezium-json, json"), badFormat.getMessage());
    }

    @Test
    void unknownOptionsAreFoundAfterCreate() {
        ConnectorOptions options = new ConnectorOptions("file", Map.of("path", "/tmp/x.csv", "format", "csv",
                "csv.field-delimiter", ";", "source.monitor-intervall", "1 s"));
        new FileSourceFactory().create(new SourceContext("t", ID_NAME, options, FORMATS));
        SluiceException e = assertThrows(SluiceException.class, options::checkAllUsed);
        assertEquals(ErrorCode.INVALID_OPTION, e.code());
        assertTrue(e.getMessage().startsWith("unknown option 'source.monitor-intervall' for connector 'file'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("csv.field-delimiter"), e.getMessage());
        assertTrue(e.getMessage().contains("path"), e.getMessage());
    }

    @Test
    void isFoundByItsNamesAndDescribesItself() throws IOException {
        ConnectorRegistry registry = ConnectorRegistry.load(getClass().getClassLoader());
        assertTrue(registry.source("file") instanceof FileSourceFactory);
        assertTrue(registry.source("filesystem") instanceof FileSourceFactory);
        Path file = write("x.csv", "");
        Source source = create(registry.source("filesystem"), ID_NAME, Map.of("path", file.toString(), "format", "csv"));
        assertEquals("file(path=" + file + ", format=csv)", source.describe());
        assertTrue(source.isBounded());
        assertTrue(source.supportsSnapshot());
        Source uri = create(new FileSourceFactory(), ID_NAME, Map.of("path", file.toUri().toString(), "format", "csv"));
        assertEquals("file(path=" + file + ", format=csv)", uri.describe());
    }

    @Test
    void noRowsAreLeftFromAnEarlierBatch() throws IOException {
        Path file = write("nulls.csv", "1,aaaaaaaa\n2,bbbbbbbb\n,\n4,\n");
        Source source = create(new FileSourceFactory(), ID_NAME,
                Map.of("path", file.toString(), "format", "csv", "csv.null-literal", ""));
        assertEquals(List.of("1|aaaaaaaa", "2|bbbbbbbb", "NULL|NULL", "4|NULL"), readAll(source, 1, 0, 2, new QueryMetrics()));
    }

    @Test
    void aChangelogFormatMakesAChangelogWhoseUpdatesStayWithinABatch() throws IOException {
        write("changes.json", String.join("\n",
                "{\"op\":\"c\",\"after\":{\"id\":1,\"name\":\"a\"}}",
                "{\"op\":\"u\",\"before\":{\"id\":1,\"name\":\"a\"},\"after\":{\"id\":1,\"name\":\"b\"}}",
                "{\"op\":\"x\"}",
                "{\"op\":\"u\",\"before\":{\"id\":1,\"name\":\"b\"},\"after\":{\"id\":1,\"name\":\"c\"}}",
                "{\"op\":\"d\",\"before\":{\"id\":1,\"name\":\"c\"}}"));
        Source source = create(new FileSourceFactory(), ID_NAME, Map.of("path", dir.resolve("changes.json").toString(),
                "format", "debezium-json"));
        assertEquals(ChangelogMode.RETRACT, source.changelogMode());
        QueryMetrics metrics = new QueryMetrics();
        List<String> rows = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        try (VectorSchemaRoot root = VectorSchemaRoot.create(RowKinds.withRowKind(ID_NAME), allocator);
             SourceReader reader = source.createReader(TestTasks.context(allocator, metrics, 0, 1, 2), ReadMode.SNAPSHOT)) {
            for (int count = reader.read(root); count != SourceReader.END; count = reader.read(root)) {
                sizes.add(count);
                for (int row = 0; row < count; row++) {
                    rows.add(RowKinds.at(root, row).shortString() + "|" + Rows.row(root, row).replaceAll("\\|[0-9]+$", ""));
                }
            }
        }
        // Batches of at most 2 rows: an update's two rows never split across batches.
        assertEquals(List.of(1, 2, 2, 1), sizes);
        assertEquals(List.of("+I|1|a", "-U|1|a", "+U|1|b", "-U|1|b", "+U|1|c", "-D|1|c"), rows);
        assertEquals(1, metrics.malformedRecords());
    }

    /** What one multiset has more of than the other, as {@code +row} (missing) and {@code -row} (extra); at most ten. */
    private static List<String> multisetDifference(List<String> expected, List<String> actual) {
        Map<String, Integer> counts = new HashMap<>();
        expected.forEach(row -> counts.merge(row, 1, Integer::sum));
        actual.forEach(row -> counts.merge(row, -1, Integer::sum));
        List<String> differences = new ArrayList<>();
        counts.forEach((row, count) -> {
            if (count != 0 && differences.size() < 10) {
                differences.add((count > 0 ? "+" : "-") + row + " x" + Math.abs(count));
            }
        });
        return differences;
    }

    private static Source create(SourceFactory factory, Schema schema, Map<String, String> options) {
        return factory.create(new SourceContext("t", schema, new ConnectorOptions("file", new HashMap<>(options)), FORMATS));
    }

    /** Reads one task's share to the end, checking each batch's size, and returns its rows. */
    private List<String> readAll(Source source, int parallelism, int task, int batchSize, QueryMetrics metrics) {
        List<String> rows = new ArrayList<>();
        try (VectorSchemaRoot root = VectorSchemaRoot.create(ID_NAME, allocator);
                SourceReader reader = source.createReader(
                        TestTasks.context(allocator, metrics, task, parallelism, batchSize), ReadMode.SNAPSHOT)) {
            while (true) {
                int count = reader.read(root);
                if (count == SourceReader.END) {
                    break;
                }
                assertTrue(count > 0 && count <= batchSize, "batch of " + count);
                assertEquals(count, root.getRowCount());
                rows.addAll(Rows.of(root));
            }
            assertEquals(SourceReader.END, reader.read(root));
        }
        return rows;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
