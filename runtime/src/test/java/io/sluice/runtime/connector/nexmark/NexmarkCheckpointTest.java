package io.sluice.runtime.connector.nexmark;

import static io.sluice.runtime.connector.ResumedReads.read;
import static io.sluice.runtime.connector.ResumedReads.readResumed;
import static io.sluice.runtime.connector.ResumedReads.readToEnd;
import static io.sluice.runtime.connector.ResumedReads.restore;
import static io.sluice.runtime.connector.ResumedReads.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.connector.Source;
import io.sluice.runtime.connector.SourceContext;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.format.FormatRegistry;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.task.TaskContext;
import io.sluice.runtime.testing.TestTasks;
import io.sluice.runtime.vector.ColumnTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A Nexmark reader resumed from its checkpoint goes on with the events that would have come next. */
class NexmarkCheckpointTest {
    private static final long BASE = 1_767_225_600_000L; // 2026-01-01 00:00:00 UTC
    private static final Schema BIDS = new Schema(List.of(
            Field.nullable("auction", ColumnTypes.BIGINT),
            Field.nullable("price", ColumnTypes.BIGINT),
            Field.nullable("dateTime", ColumnTypes.TIMESTAMP)));

    private final RootAllocator allocator = new RootAllocator();
    private final ManualClock clock = new ManualClock(BASE);

    @AfterEach
    void checkNothingLeaked() {
        assertEquals(0, allocator.getAllocatedMemory(), "Arrow memory leaked");
        allocator.close();
    }

    @Test
    void eachTaskResumedAfterEveryBatchReadsItsShareOnce() {
        Source source = source(Map.of("event-type", "bid", "events.num", "500", "first-event.rate", "1000",
                "base-time", "2026-01-01 00:00:00"));
        assertTrue(source.canReplay());
        int parallelism = 3;
        List<String> all = new ArrayList<>();
        for (int task = 0; task < parallelism; task++) {
            List<String> uninterrupted;
            try (VectorSchemaRoot root = VectorSchemaRoot.create(BIDS, allocator);
                    SourceReader reader = source.createReader(task(task, parallelism), ReadMode.STREAM)) {
                uninterrupted = readToEnd(reader, root);
            }
            all.addAll(uninterrupted);
            int index = task;
            for (int batches = 0; batches * 16 <= uninterrupted.size(); batches++) {
                List<String> rows = readResumed(() -> source.createReader(task(index, parallelism), ReadMode.STREAM),
                        () -> VectorSchemaRoot.create(BIDS, allocator), batches);
                assertEquals(uninterrupted, rows, "task " + task + " resumed after " + batches + " batches");
            }
        }
        // 500 events, 46 in 50 of them bids: 460 bids, each read by one task
        assertEquals(460, all.size());
        assertEquals(460, all.stream().distinct().count());
    }

    @Test
    void aPacedReaderResumesWhereItStoppedNotAtTheWallClock() {
        Source source = source(Map.of("event-type", "bid", "first-event.rate", "1000", "rate-limited", "true",
                "base-time", "2026-01-01 00:00:00"));
        clock.set(BASE + 1_000);
        List<String> uninterrupted;
        try (VectorSchemaRoot root = VectorSchemaRoot.create(BIDS, allocator);
                SourceReader reader = source.createReader(task(0, 1), ReadMode.STREAM)) {
            uninterrupted = read(reader, root, 6);
        }
        clock.set(BASE + 1_000);
        List<String> rows = new ArrayList<>();
        byte[] state;
        try (VectorSchemaRoot root = VectorSchemaRoot.create(BIDS, allocator);
                SourceReader first = source.createReader(task(0, 1), ReadMode.STREAM)) {
            rows.addAll(read(first, root, 2));
            state = snapshot(first, 1);
        }
        // A minute passes before the job resumes: a fresh reader would start a minute later.
        clock.set(BASE + 61_000);
        try (VectorSchemaRoot root = VectorSchemaRoot.create(BIDS, allocator);
                SourceReader fresh = source.createReader(task(0, 1), ReadMode.STREAM)) {
            assertNotEquals(uninterrupted.get(rows.size()), read(fresh, root, 1).get(0));
        }
        try (VectorSchemaRoot root = VectorSchemaRoot.create(BIDS, allocator);
                SourceReader resumed = source.createReader(task(0, 1), ReadMode.STREAM)) {
            restore(resumed, state);
            while (rows.size() < uninterrupted.size()) {
                rows.addAll(read(resumed, root, 1));
            }
        }
        assertEquals(uninterrupted, rows.subList(0, uninterrupted.size()));
    }

    private Source source(Map<String, String> options) {
        return new NexmarkSourceFactory().create(new SourceContext("bids", BIDS,
                new ConnectorOptions("nexmark", options), new FormatRegistry(List.of()), clock));
    }

    private TaskContext task(int index, int parallelism) {
        return TestTasks.context(allocator, new QueryMetrics(), clock, index, parallelism, 16);
    }
}
