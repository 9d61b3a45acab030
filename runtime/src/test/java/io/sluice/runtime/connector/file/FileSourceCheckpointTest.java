package io.sluice.runtime.connector.file;

import static io.sluice.runtime.connector.ResumedReads.read;
import static io.sluice.runtime.connector.ResumedReads.readResumed;
import static io.sluice.runtime.connector.ResumedReads.readToEnd;
import static io.sluice.runtime.connector.ResumedReads.restore;
import static io.sluice.runtime.connector.ResumedReads.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceContext;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.FormatRegistry;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.testing.TestTasks;
import io.sluice.runtime.vector.ColumnTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

/** A file reader stopped after any batch and resumed from its checkpoint reads every line once. */
class FileSourceCheckpointTest {
    private static final Schema ID_NAME = new Schema(List.of(
            Field.nullable("id", ColumnTypes.INT),
            Field.nullable("name", ColumnTypes.VARCHAR)));
    private static final FormatRegistry FORMATS = FormatRegistry.load(FileSourceCheckpointTest.class.getClassLoader());

    @TempDir
    Path dir;

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void noLeak() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    @Test
    void csvWithHeadersResumedAfterEveryBatchReadsEachLineOnce() throws IOException {
        List<String> expected = new ArrayList<>();
        StringBuilder a = new StringBuilder("id,name\n");
        StringBuilder b = new StringBuilder("id,name\r\n");
        for (int id = 0; id < 40; id++) {
            // names of up to 30 bytes: lines cross the 23-byte ranges
            String name = "n".repeat(id % 31);
            (id < 25 ? a : b).append(id).append(',').append(name).append(id < 25 ? "\n" : "\r\n");
            expected.add(id + "|" + name);
        }
        write("a.csv", a.toString());
        write("b.csv", b.toString());
        Source source = source(Map.of("path", dir.toString(), "format", "csv", "csv.header", "true"));
        assertResumesAfterEveryBatch(source, expected, 2);
    }

    @Test
    void jsonLinesResumedAfterEveryBatchReadEachLineOnce() throws IOException {
        List<String> expected = new ArrayList<>();
        StringBuilder content = new StringBuilder();
        for (int id = 0; id < 30; id++) {
            content.append("{\"id\": ").append(id).append(", \"name\": \"x").append(id).append("\"}\n");
            if (id % 7 == 0) {
                content.append('\n');
            }
            expected.add(id + "|x" + id);
        }
        write("events.json", content.toString());
        Source source = source(Map.of("path", dir.toString(), "format", "json"));
        assertResumesAfterEveryBatch(source, expected, 3);
    }

    @Test
    void aLineTooLongBeforeTheCheckpointIsNotReadAgain() throws IOException {
        Path file = write("long.csv", "1,a\n2," + "x".repeat(200) + "\n3,c\n4,d\n");
        // 64-byte lines at most, through an 8-byte buffer: line 2 is cut short and reported
        Source source = new FileSourceFactory(1 << 20, 8, 64).create(context(Map.of("path", file.toString(),
                "format", "csv")));
        QueryMetrics metrics = new QueryMetrics();
        byte[] state;
        try (VectorSchemaRoot root = VectorSchemaRoot.create(ID_NAME, allocator);
                SourceReader first = reader(source, metrics, 1)) {
            assertEquals(List.of("1|a"), read(first, root, 1));
            // the malformed line 2 is passed over while the batch fills with line 3
            assertEquals(List.of("3|c"), read(first, root, 1));
            state = snapshot(first, 1);
        }
        try (VectorSchemaRoot root = VectorSchemaRoot.create(ID_NAME, allocator);
                SourceReader resumed = reader(source, metrics, 1)) {
            restore(resumed, state);
            assertEquals(List.of("4|d"), readToEnd(resumed, root));
        }
        assertEquals(1, metrics.malformedRecords());
    }

    @Test
    void aResumedReaderReadsTheFilesAsTheyWereWhenTheFirstRunStarted() throws IOException {
        write("a.csv", "1,a\n2,b\n");
        Source source = source(Map.of("path", dir.toString(), "format", "csv"));
        byte[] state;
        try (VectorSchemaRoot root = VectorSchemaRoot.create(ID_NAME, allocator);
                SourceReader first = reader(source, new QueryMetrics(), 1)) {
            assertEquals(List.of("1|a"), read(first, root, 1));
            state = snapshot(first, 1);
        }
        write("b.csv", "3,c\n");
        try (VectorSchemaRoot root = VectorSchemaRoot.create(ID_NAME, allocator);
                SourceReader resumed = reader(source, new QueryMetrics(), 1)) {
            restore(resumed, state);
            assertEquals(List.of("2|b"), readToEnd(resumed, root));
        }
    }

    @Test
    void aFileTruncatedBeforeTheResumeIsAnErrorNamingIt() throws IOException {
        Path file = write("a.csv", "1,a\n2,b\n3,c\n");
        Source source = source(Map.of("path", file.toString(), "format", "csv"));
        byte[] state;
        try (VectorSchemaRoot root = VectorSchemaRoot.create(ID_NAME, allocator);
                SourceReader first = reader(source, new QueryMetrics(), 1)) {
            read(first, root, 1);
            state = snapshot(first, 1);
        }
        write("a.csv", "1,a\n");
        try (VectorSchemaRoot root = VectorSchemaRoot.create(ID_NAME, allocator);
                SourceReader resumed = reader(source, new QueryMetrics(), 1)) {
            restore(resumed, state);
            SluiceException e = assertThrows(SluiceException.class, () -> resumed.read(root));
            assertEquals(ErrorCode.IO_ERROR, e.code());
            assertTrue(e.getMessage().contains("was truncated"), e.getMessage());
        }
    }

    /**
     * For each task of {@code parallelism} and each number of batches {@code k}: read {@code k}
     * batches, snapshot, resume a fresh reader and read the rest; together the tasks read every
     * line once, in each task's order.
     */
    private void assertResumesAfterEveryBatch(Source source, List<String> expected, int parallelism) {
        assertTrue(source.canReplay());
        List<String> all = new ArrayList<>();
        for (int task = 0; task < parallelism; task++) {
            List<String> uninterrupted = readShare(source, task, parallelism);
            all.addAll(uninterrupted);
            int index = task;
            for (int batches = 0; batches <= uninterrupted.size(); batches++) {
                List<String> rows = readResumed(() -> source.createReader(context(index, parallelism), ReadMode.STREAM),
                        () -> VectorSchemaRoot.create(ID_NAME, allocator), batches);
                assertEquals(uninterrupted, rows, "task " + task + " resumed after " + batches + " batches");
            }
        }
        all.sort(null);
        List<String> sorted = new ArrayList<>(expected);
        sorted.sort(null);
        assertEquals(sorted, all);
    }

    private List<String> readShare(Source source, int task, int parallelism) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(ID_NAME, allocator);
                SourceReader reader = source.createReader(context(task, parallelism), ReadMode.STREAM)) {
            return readToEnd(reader, root);
        }
    }

    private io.sluice.runtime.task.TaskContext context(int task, int parallelism) {
        return TestTasks.context(allocator, new QueryMetrics(), task, parallelism, 3);
    }

    private SourceReader reader(Source source, QueryMetrics metrics, int batchSize) {
        return source.createReader(TestTasks.context(allocator, metrics, 0, 1, batchSize), ReadMode.STREAM);
    }

    /** Ranges of 23 bytes read through a 16-byte buffer, so that resumes land inside and across ranges. */
    private static Source source(Map<String, String> options) {
        return new FileSourceFactory(23, 16, 1 << 20).create(context(options));
    }

    private static SourceContext context(Map<String, String> options) {
        return new SourceContext("t", ID_NAME, new ConnectorOptions("file", new HashMap<>(options)), FORMATS);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
