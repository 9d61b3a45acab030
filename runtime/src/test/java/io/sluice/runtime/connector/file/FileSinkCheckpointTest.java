package io.sluice.runtime.connector.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.checkpoint.CheckpointListener;
import io.sluice.runtime.checkpoint.Checkpointed;
import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.Sink;
import io.sluice.runtime.connector.SinkCommitter;
import io.sluice.runtime.connector.SinkContext;
import io.sluice.runtime.connector.TwoPhaseCommitOutput;
import io.sluice.runtime.format.FormatRegistry;
import io.sluice.runtime.format.csv.CsvFormatFactory;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.testing.HandClock;
import io.sluice.runtime.testing.TestTasks;
import io.sluice.runtime.vector.ColumnTypes;
import io.sluice.runtime.vector.VectorValues;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file sink's outputs and committer driven as a checkpointed job drives them, with crashes in between. */
class FileSinkCheckpointTest {
    private static final Schema SCHEMA = new Schema(List.of(Field.nullable("k", ColumnTypes.VARCHAR),
            Field.nullable("v", ColumnTypes.INT)));

    @TempDir
    Path directory;

    private final RootAllocator allocator = new RootAllocator();
    private final HandClock clock = new HandClock();

    @AfterEach
    void noLeak() {
        assertEquals(0, allocator.getAllocatedMemory());
        allocator.close();
    }

    @Test
    void aCrashAfterTheSecondBarrierLeavesExactlyTheFirstCheckpointsRows() throws IOException {
        Sink sink = sink(Map.of("sink.rolling-policy.file-size", "12b"));
        SinkCommitter committer = sink.committer().orElseThrow();
        byte[] checkpoint1;
        byte[] state1;
        try (TwoPhaseCommitOutput first = output(sink, 0)) {
            emit(first, "a", 1, 2);
            checkpoint1 = first.prepareCommit(1);
            state1 = snapshot(first, 1);
            // lines of 4 bytes: the third rolls the part by size, and the rolled part stays hidden
            emit(first, "b", 1, 2, 3, 4);
            first.prepareCommit(2);
            emit(first, "c", 1);
            assertEquals(List.of(), visibleLines(), "nothing is visible before a commit");
        }
        // the crash: checkpoint 2 never completes; its two parts and the one after stay hidden
        assertEquals(4, hiddenParts().size());

        committer.commit(1, List.of(checkpoint1));
        committer.commit(1, List.of(checkpoint1));
        try (TwoPhaseCommitOutput resumed = output(sink, 0)) {
            restore(resumed, state1);
            assertEquals(List.of(), hiddenParts(), "the parts the failed run wrote after checkpoint 1 are gone");
            emit(resumed, "d", 1);
            committer.commit(3, List.of(resumed.prepareCommit(3)));
        }
        assertEquals(List.of("a,1", "a,2", "d,1"), visibleLines());
        assertEquals(List.of(), hiddenParts());
    }

    @Test
    void partsWrittenBeforeTheFirstBarrierStayHiddenUntilTheCheckpointThatCoversThemCommits() throws IOException {
        Sink sink = sink(Map.of("sink.rolling-policy.file-size", "8b"));
        SinkCommitter committer = sink.committer().orElseThrow();
        byte[] checkpoint1;
        try (TwoPhaseCommitOutput output = output(sink, 0)) {
            // lines of 4 bytes: every second line rolls the part by size, before any barrier came
            emit(output, "a", 1, 2, 3, 4, 5);
            assertEquals(List.of(), visibleLines(), "no part is visible before the first checkpoint");
            assertEquals(3, hiddenParts().size());
            checkpoint1 = output.prepareCommit(1);
            emit(output, "b", 1);
        }
        // a crash before checkpoint 1 completes publishes nothing either
        assertEquals(List.of(), visibleLines());
        committer.commit(1, List.of(checkpoint1));
        assertEquals(List.of("a,1", "a,2", "a,3", "a,4", "a,5"), visibleLines());
    }

    @Test
    void withoutCheckpointsARolledPartIsVisibleAtOnce() throws IOException {
        Sink sink = sink(Map.of("sink.rolling-policy.file-size", "8b"));
        try (Output output = sink.createOutput(TestTasks.context(allocator, new QueryMetrics(), clock, 0, 1, 16))) {
            emit(output, "a", 1, 2, 3);
            assertEquals(List.of("a,1", "a,2"), visibleLines());
        }
        assertEquals(List.of("a,1", "a,2", "a,3"), visibleLines(), "a stop publishes the open part");
    }

    @Test
    void aRestoreBeforeTheCommitKeepsThePartsTheCheckpointHolds() throws IOException {
        Sink sink = sink(Map.of());
        SinkCommitter committer = sink.committer().orElseThrow();
        byte[] checkpoint1;
        byte[] state1;
        try (TwoPhaseCommitOutput first = output(sink, 0)) {
            emit(first, "a", 1, 2);
            // the state first, then the commit: the open part is in both
            state1 = snapshot(first, 1);
            checkpoint1 = first.prepareCommit(1);
            emit(first, "b", 1);
        }
        try (TwoPhaseCommitOutput resumed = output(sink, 0)) {
            restore(resumed, state1);
            assertEquals(1, hiddenParts().size());
            committer.commit(1, List.of(checkpoint1));
            emit(resumed, "c", 1);
            resumed.finish();
        }
        assertEquals(List.of("a,1", "a,2", "c,1"), visibleLines());
        assertEquals(List.of(), hiddenParts());
    }

    @Test
    void partsOfACheckpointThatDidNotCompleteAreCommittedWithTheNext() throws IOException {
        Sink sink = sink(Map.of());
        SinkCommitter committer = sink.committer().orElseThrow();
        try (TwoPhaseCommitOutput output = output(sink, 0); TwoPhaseCommitOutput idle = output(sink, 1)) {
            emit(output, "a", 1);
            output.prepareCommit(1);
            assertArrayEquals(new byte[0], idle.prepareCommit(1), "a task that wrote nothing has nothing to commit");
            emit(output, "b", 1);
            // checkpoint 1 timed out; checkpoint 2 holds both parts
            committer.commit(2, List.of(output.prepareCommit(2)));
            ((CheckpointListener) output).checkpointComplete(2);
            assertArrayEquals(new byte[0], output.prepareCommit(3));
        }
        assertEquals(List.of("a,1", "b,1"), visibleLines());
    }

    /** The output of a task of a job that takes checkpoints. */
    private TwoPhaseCommitOutput output(Sink sink, int task) {
        return (TwoPhaseCommitOutput) sink.createOutput(TestTasks.checkpointing(allocator, new QueryMetrics(), clock,
                task, 2, 16));
    }

    private void emit(Output output, String k, int... values) {
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(SCHEMA, allocator)) {
            batch.allocateNew();
            for (int row = 0; row < values.length; row++) {
                VectorValues.set(batch.getVector(0), row, k);
                VectorValues.set(batch.getVector(1), row, values[row]);
            }
            batch.setRowCount(values.length);
            output.emit(batch);
        }
    }

    private static byte[] snapshot(TwoPhaseCommitOutput output, long checkpointId) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StateWriter out = new StateWriter(bytes)) {
            ((Checkpointed) output).snapshotState(checkpointId, out);
        }
        return bytes.toByteArray();
    }

    private static void restore(TwoPhaseCommitOutput output, byte[] state) throws IOException {
        ((Checkpointed) output).restoreState(new StateReader(new ByteArrayInputStream(state)));
    }

    private Sink sink(Map<String, String> extra) {
        Map<String, String> options = new HashMap<>(extra);
        options.put("path", out().toString());
        options.put("format", "csv");
        return new FileSinkFactory().create(new SinkContext("t", SCHEMA, List.of(),
                new ConnectorOptions("file", options), new FormatRegistry(List.of(new CsvFormatFactory()))));
    }

    private Path out() {
        return directory.resolve("out");
    }

    /** The lines of the visible part files, sorted. */
    private List<String> visibleLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(out())) {
            for (Path part : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                lines.addAll(Files.readAllLines(part));
            }
        }
        lines.sort(null);
        return lines;
    }

    private List<Path> hiddenParts() throws IOException {
        try (Stream<Path> files = Files.list(out())) {
            List<Path> hidden = files.filter(p -> p.getFileName().toString().startsWith(".part-")).toList();
            hidden.forEach(p -> assertTrue(p.getFileName().toString().endsWith(".inprogress"), p.toString()));
            return hidden;
        }
    }
}
