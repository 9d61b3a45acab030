package io.sluice.runtime.checkpoint;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.Clock;
import io.sluice.runtime.connector.SinkCommitter;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coordinator of a job with two source tasks ({@code src}) feeding one sink task ({@code out}),
 * acknowledged by the test as the tasks would.
 */
class CheckpointCoordinatorTest {
    private static final TaskId SOURCE_0 = new TaskId("src", 0);
    private static final TaskId SOURCE_1 = new TaskId("src", 1);
    private static final TaskId SINK = new TaskId("out", 0);
    private static final long WAIT_MILLIS = 10_000;

    @TempDir
    Path directory;

    private final List<String> commits = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private CheckpointCoordinator coordinator;

    @AfterEach
    void close() {
        if (coordinator != null) {
            coordinator.close();
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void aCheckpointCompletesWhenEveryTaskAcknowledgedAndItsCommitsAreMade() throws Exception {
        coordinator = coordinator(1, Duration.ofMinutes(1));
        long id = coordinator.trigger();
        assertEquals(1, id);
        assertEquals(1, coordinator.requested());
        coordinator.acknowledge(SOURCE_0, id, state("src/source/t", "position 0"));
        coordinator.acknowledge(SOURCE_1, id, state("src/source/t", "position 1"));
        assertEquals(0, coordinator.lastCompleted());
        assertFalse(Files.exists(CheckpointStorage.directoryOf(jobDirectory(), id).resolve(CheckpointStorage.METADATA)));
        coordinator.acknowledge(SINK, id, new TaskSnapshot(List.of(), Optional.of(bytes("transaction 1")), false));
        await(() -> coordinator.lastCompleted() == id);

        assertEquals(List.of("1:[transaction 1]"), commits);
        CompletedCheckpoint read = CheckpointStorage.read(CheckpointStorage.directoryOf(jobDirectory(), id));
        assertEquals(CheckpointMetadata.FORMAT_VERSION, read.metadata().formatVersion());
        assertEquals("fingerprint", read.metadata().fingerprint());
        assertEquals(List.of(new CheckpointMetadata.Pipeline("src", 2), new CheckpointMetadata.Pipeline("out", 1)),
                read.metadata().pipelines());
        assertEquals(List.of(new CheckpointMetadata.Part("src/source/t", "src", "t")), read.metadata().parts());
        assertArrayEquals(bytes("position 1"), read.tasks().get(SOURCE_1).parts().get("src/source/t"));
        assertEquals(Map.of("out", List.of("transaction 1")), strings(read.committables()));
        CheckpointStats stats = coordinator.lastStats().orElseThrow();
        assertEquals(id, stats.id());
        assertEquals("position 0".length() + "position 1".length() + "transaction 1".length(), stats.bytes());
    }

    @Test
    void aTaskThatEndedCountsAsAcknowledgedAndIsMarkedFinished() throws Exception {
        coordinator = coordinator(1, Duration.ofMinutes(1));
        coordinator.taskFinished(SOURCE_1);
        long id = coordinator.trigger();
        coordinator.acknowledge(SOURCE_0, id, state("src/source/t", "position 0"));
        coordinator.acknowledge(SINK, id, new TaskSnapshot(List.of(), Optional.empty(), false));
        await(() -> coordinator.lastCompleted() == id);
        CompletedCheckpoint read = CheckpointStorage.read(CheckpointStorage.directoryOf(jobDirectory(), id));
        assertTrue(read.tasks().get(SOURCE_1).finished());
        assertFalse(read.tasks().get(SOURCE_0).finished());
        assertEquals(List.of(), commits, "no sink prepared anything");
    }

    @Test
    void oneCheckpointAtATimeAndNoneOnceEverySourceEnded() throws Exception {
        coordinator = coordinator(1, Duration.ofMinutes(1));
        long id = coordinator.trigger();
        assertEquals(0, coordinator.trigger(), "one is pending");
        coordinator.taskFinished(SOURCE_0);
        coordinator.taskFinished(SOURCE_1);
        coordinator.taskFinished(SINK);
        await(() -> coordinator.lastCompleted() == id);
        assertEquals(0, coordinator.trigger(), "every source ended");
    }

    @Test
    void aCheckpointNotAcknowledgedInTimeIsAbortedAndItsCommitsGoWithTheNext() throws Exception {
        coordinator = coordinator(1, Duration.ofMillis(50));
        long first = coordinator.trigger();
        coordinator.acknowledge(SINK, first, new TaskSnapshot(List.of(), Optional.of(bytes("transaction 1")), false));
        await(() -> coordinator.aborted() == 1);
        assertEquals(0, coordinator.lastCompleted());
        assertTrue(CheckpointStorage.completed(jobDirectory()).isEmpty());

        long second = coordinator.trigger();
        assertEquals(2, second);
        coordinator.acknowledge(SOURCE_0, second, state("src/source/t", "a"));
        coordinator.acknowledge(SOURCE_1, second, state("src/source/t", "b"));
        coordinator.acknowledge(SINK, second, new TaskSnapshot(List.of(), Optional.of(bytes("transaction 2")), false));
        await(() -> coordinator.lastCompleted() == second);
        assertEquals(List.of("2:[transaction 1, transaction 2]"), commits);
        assertEquals(Map.of("out", List.of("transaction 1", "transaction 2")), strings(CheckpointStorage.read(
                CheckpointStorage.directoryOf(jobDirectory(), second)).committables()));
    }

    @Test
    void theNewestCheckpointsAreRetainedAndTheRemainsOfIncompleteOnesGo() throws Exception {
        Files.createDirectories(CheckpointStorage.directoryOf(jobDirectory(), 1));
        coordinator = coordinator(2, Duration.ofMinutes(1), 1);
        for (int i = 0; i < 3; i++) {
            long id = coordinator.trigger();
            coordinator.acknowledge(SOURCE_0, id, state("src/source/t", "a" + id));
            coordinator.acknowledge(SOURCE_1, id, state("src/source/t", "b" + id));
            coordinator.acknowledge(SINK, id, new TaskSnapshot(List.of(), Optional.empty(), false));
            await(() -> coordinator.lastCompleted() == id);
        }
        assertEquals(List.of(3L, 4L), CheckpointStorage.completed(jobDirectory()));
        assertFalse(Files.exists(CheckpointStorage.directoryOf(jobDirectory(), 1)), "the incomplete one went");
    }

    @Test
    void aDirectoryWithoutMetadataIsNoCheckpoint() throws Exception {
        Path incomplete = CheckpointStorage.directoryOf(jobDirectory(), 7);
        Files.createDirectories(incomplete);
        Files.writeString(incomplete.resolve("task-0-0"), "half written");
        assertEquals(List.of(), CheckpointStorage.completed(jobDirectory()));
        SluiceException refused = assertThrows(SluiceException.class, () -> CheckpointStorage.read(incomplete));
        assertTrue(refused.getMessage().contains("has no _metadata file"), refused.getMessage());
    }

    @Test
    void aCheckpointOfAnotherFormatVersionIsRefused() throws Exception {
        Path other = CheckpointStorage.directoryOf(jobDirectory(), 3);
        Files.createDirectories(other);
        Files.writeString(other.resolve(CheckpointStorage.METADATA), "{\"formatVersion\": 99}");
        SluiceException refused = assertThrows(SluiceException.class, () -> CheckpointStorage.read(other));
        assertEquals(ErrorCode.UNSUPPORTED, refused.code());
        assertTrue(refused.getMessage().contains("format version 99"), refused.getMessage());
    }

    private CheckpointCoordinator coordinator(int retained, Duration timeout) {
        return coordinator(retained, timeout, 0);
    }

    private CheckpointCoordinator coordinator(int retained, Duration timeout, long lastId) {
        CheckpointPlan plan = new CheckpointPlan("job", "fingerprint", List.of(new CheckpointMetadata.Pipeline("src", 2),
                new CheckpointMetadata.Pipeline("out", 1)), Set.of("src"));
        CheckpointConfig config = new CheckpointConfig(Duration.ofHours(1), CheckpointingMode.EXACTLY_ONCE, directory,
                retained, timeout);
        SinkCommitter committer = (id, committables) -> commits.add(id + ":" + committables.stream()
                .map(c -> new String(c, UTF_8)).toList());
        return new CheckpointCoordinator(plan, config, jobDirectory(), List.of(SOURCE_0, SOURCE_1, SINK), lastId, 0,
                Map.of("out", committer), Clock.SYSTEM, failures::add);
    }

    private Path jobDirectory() {
        return directory.resolve("job");
    }

    private static TaskSnapshot state(String part, String state) {
        return new TaskSnapshot(List.of(new PartSnapshot(part, "t", bytes(state))), Optional.empty(), false);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static Map<String, List<String>> strings(Map<String, List<byte[]>> committables) {
        Map<String, List<String>> strings = new java.util.HashMap<>();
        committables.forEach((sink, list) -> {
            List<String> texts = new ArrayList<>();
            list.forEach(c -> texts.add(new String(c, UTF_8)));
            strings.put(sink, texts);
        });
        return strings;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(2);
        }
    }
}
