package io.sluice.runtime.connector.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.connector.SinkContext;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.FormatRegistry;
import io.sluice.runtime.format.csv.CsvFormatFactory;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.testing.HandClock;
import io.sluice.runtime.testing.TestTasks;
import io.sluice.runtime.vector.ColumnTypes;
import io.sluice.runtime.vector.VectorValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {
    private static final Schema SCHEMA = new Schema(List.of(Field.nullable("k", ColumnTypes.VARCHAR),
            Field.nullable("v", ColumnTypes.INT)));

    @TempDir
    Path directory;

    @Test
    void aPartFileRollsOverAfterTheIntervalAndOnlyFinishedFilesAreVisible() throws Exception {
        HandClock clock = new HandClock();
        Sink sink = sink(Map.of("sink.rolling-policy.rollover-interval", "10 s", "csv.header", "true"));
        RootAllocator allocator = new RootAllocator();
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(SCHEMA, allocator)) {
            try (Output output = sink.createOutput(TestTasks.context(allocator, new QueryMetrics(), clock, 0, 1, 16))) {
                output.emit(batch(batch, "a", 1));
                assertEquals(List.of(), finished(), "the first part is still in progress");
                clock.advance(10_000);
                output.emitWatermark(0);
                assertEquals(1, finished().size(), "ten seconds later it rolled");
                output.emit(batch(batch, "b", 2));
                output.finish();
            }
            List<Path> parts = finished();
            assertEquals(2, parts.size());
            assertEquals(List.of("k,v", "a,1"), Files.readAllLines(parts.get(0).getFileName().toString()
                    .endsWith("-0") ? parts.get(0) : parts.get(1)));
            assertEquals(List.of("k,v", "b,2"), Files.readAllLines(parts.get(0).getFileName().toString()
                    .endsWith("-1") ? parts.get(0) : parts.get(1)));
        }
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    @Test
    void badRollingOptionsAreNamed() {
        SluiceException e = assertThrows(SluiceException.class,
                () -> sink(Map.of("sink.rolling-policy.file-size", "big")));
        assertTrue(e.getMessage().contains("option 'sink.rolling-policy.file-size' of connector 'file'"), e.getMessage());
    }

    private Sink sink(Map<String, String> extra) {
        Map<String, String> options = new HashMap<>(extra);
        options.put("path", directory.resolve("out").toString());
        options.put("format", "csv");
        return new FileSinkFactory().create(new SinkContext("t", SCHEMA, List.of(),
                new ConnectorOptions("file", options), new FormatRegistry(List.of(new CsvFormatFactory()))));
    }

    private List<Path> finished() throws Exception {
        try (Stream<Path> files = Files.list(directory.resolve("out"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }

    private static VectorSchemaRoot batch(VectorSchemaRoot batch, String k, int v) {
        batch.allocateNew();
        VectorValues.set(batch.getVector(0), 0, k);
        VectorValues.set(batch.getVector(1), 0, v);
        batch.setRowCount(1);
        return batch;
    }
}
