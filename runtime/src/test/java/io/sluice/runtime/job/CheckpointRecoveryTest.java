package io.sluice.runtime.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.Clock;
import io.sluice.runtime.checkpoint.CheckpointConfig;
import io.sluice.runtime.checkpoint.CheckpointCoordinator;
import io.sluice.runtime.checkpoint.CheckpointMetadata;
import io.sluice.runtime.checkpoint.CheckpointStorage;
import io.sluice.runtime.checkpoint.CheckpointingMode;
import io.sluice.runtime.checkpoint.CompletedCheckpoint;
import io.sluice.runtime.connector.ReadMode;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.exchange.ExchangeSpec;
import io.sluice.runtime.exchange.KeyHashPartitioner;
import io.sluice.runtime.exchange.Partitioning;
import io.sluice.runtime.metrics.QueryMetrics;
import io.sluice.runtime.operator.Operator;
import io.sluice.runtime.operator.OperatorFactory;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.task.TaskContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A running count per key behind a hash exchange, at parallelism 2, writing into an exactly-once
 * sink. The rows that become visible must be those of one uninterrupted run, computed here by
 * hand: key {@code k<j>} gets the counts 1 to the number of rows with that key. The sources are
 * gated, so the test decides where the checkpoint cuts the input.
 */
class CheckpointRecoveryTest {
    private static final int ROWS = 200;
    private static final int KEYS = 7;
    private static final long WAIT_MILLIS = 20_000;

    @TempDir
    Path directory;

    private final RootAllocator root = new RootAllocator();
    private final GatedSource source = new GatedSource(ROWS, KEYS);
    private final RunningCount count = new RunningCount();
    private final CommittingSink sink = new CommittingSink();

    @AfterEach
    void nothingLeaked() {
        assertEquals(0, root.getAllocatedMemory(), "the jobs freed all their memory");
        root.close();
    }

    @ParameterizedTest
    @EnumSource(CheckpointingMode.class)
    void aJobResumedFromACheckpointGoesOnAsIfItHadNotStopped(CheckpointingMode mode) throws Exception {
        QueryMetrics metrics = new QueryMetrics();
        JobCheckpointing checkpointing = JobCheckpointing.of(config(mode), "counts");
        BufferAllocator first = root.newChildAllocator("first", 0, Long.MAX_VALUE);
        Job job = new Job(spec(2, count), first, metrics, Clock.SYSTEM, 16, checkpointing);
        source.open(80);
        job.start();
        await(() -> metrics.recordsIn() == 80, "the sources read the first 80 rows");
        long id = checkpoint(job);
        await(() -> sink.completionsHeard() == 2, "both sink tasks heard of the completion");
        stop(job, first);
        assertEquals(expected(80), sorted(sink.visibleRows()), "what the checkpoint committed");

        Path checkpoint = CheckpointStorage.directoryOf(directory.resolve("counts"), id);
        CompletedCheckpoint read = CheckpointStorage.read(checkpoint);
        assertEquals(List.of("p0/source/gated", "p1/0/RunningCount", "p1/sink"),
                read.metadata().parts().stream().map(CheckpointMetadata.Part::id).sorted().toList());
        assertEquals(4, read.tasks().size());

        resumeToTheEnd(spec(2, count), checkpointing.restoringFrom(checkpoint), () -> source.open(ROWS));
        assertEquals(expected(ROWS), sorted(sink.visibleRows()));
        assertEquals(List.of(1, 1), sink.restoredSealed(), "each output's state was taken once it had sealed");
    }

    /**
     * Source task 1 is held inside a read while task 0 has sent its barrier and 20 rows more (40
     * of each task's rows were read before). Exactly once, the counting tasks hold those rows back
     * until task 1's barrier: the resumed job writes what an uninterrupted run writes. At least
     * once, they are counted before the snapshot and read again after the restore: 20 rows more.
     */
    @ParameterizedTest
    @EnumSource(CheckpointingMode.class)
    void rowsAfterABarrierAreHeldBackExactlyOnceAndRepeatedAtLeastOnce(CheckpointingMode mode) throws Exception {
        QueryMetrics metrics = new QueryMetrics();
        JobCheckpointing checkpointing = JobCheckpointing.of(config(mode), "counts");
        BufferAllocator first = root.newChildAllocator("first", 0, Long.MAX_VALUE);
        Job job = new Job(spec(2, count), first, metrics, Clock.SYSTEM, 16, checkpointing);
        source.open(80);
        job.start();
        await(() -> metrics.recordsIn() == 80, "the sources read the first 80 rows");
        source.hold(1);
        await(source::holding, "source task 1 is held in a read");
        CheckpointCoordinator coordinator = job.checkpoints().orElseThrow();
        long id = coordinator.trigger();
        source.open(120);
        await(() -> metrics.recordsIn() == 100, "source task 0 read 20 rows after its barrier");
        if (mode == CheckpointingMode.AT_LEAST_ONCE) {
            await(() -> count.seen() == 100, "the counting tasks counted them");
        }
        source.letGo();
        await(() -> coordinator.lastCompleted() == id, "checkpoint " + id + " completed");
        stop(job, first);

        resumeToTheEnd(spec(2, count), checkpointing.restoringFrom(
                CheckpointStorage.directoryOf(directory.resolve("counts"), id)), () -> source.open(ROWS));
        if (mode == CheckpointingMode.EXACTLY_ONCE) {
            assertEquals(expected(ROWS), sorted(sink.visibleRows()));
        } else {
            assertEquals(expected(ROWS).size() + 20, sink.visibleRows().size());
        }
    }

    /**
     * What an aligning task holds back is in the exchange's memory, a part of the query's: a
     * producer far ahead of another's barrier fills the query's limit, and the job fails with
     * SQLState 53200 rather than the JVM running out of heap.
     */
    @Test
    void rowsHeldBackForAnAlignmentCountAgainstTheQuerysMemoryLimit() throws Exception {
        GatedSource flood = new GatedSource(400_000, KEYS);
        QueryMetrics metrics = new QueryMetrics();
        JobCheckpointing checkpointing = JobCheckpointing.of(config(CheckpointingMode.EXACTLY_ONCE), "held");
        BufferAllocator limited = root.newChildAllocator("limited", 0, 2L << 20);
        Job job = new Job(spec(flood, 2, count), limited, metrics, Clock.SYSTEM, 16, checkpointing);
        flood.open(80);
        job.start();
        await(() -> metrics.recordsIn() == 80, "the sources read the first 80 rows");
        flood.hold(1);
        await(flood::holding, "source task 1 is held in a read");
        job.checkpoints().orElseThrow().trigger();
        flood.open(400_000);
        await(() -> job.failure() != null, "the job failed");
        // the held task stops once let go
        flood.letGo();
        assertEquals(JobState.FAILED, job.completion().get(WAIT_MILLIS, TimeUnit.MILLISECONDS));
        assertEquals(ErrorCode.MEMORY_LIMIT_EXCEEDED, job.failure().code(), job.failure().getMessage());
        assertEquals("53200", job.failure().code().sqlState());
        limited.close();
    }

    @Test
    void aTwoInputTaskAlignsTheBarriersOfBothInputs() throws Exception {
        GatedSource right = new GatedSource(ROWS / 2, KEYS);
        QueryMetrics metrics = new QueryMetrics();
        JobCheckpointing checkpointing = JobCheckpointing.of(config(CheckpointingMode.EXACTLY_ONCE), "both");
        BufferAllocator first = root.newChildAllocator("first", 0, Long.MAX_VALUE);
        Job job = new Job(twoInputSpec(right), first, metrics, Clock.SYSTEM, 16, checkpointing);
        source.open(60);
        right.open(30);
        job.start();
        await(() -> metrics.recordsIn() == 90, "the sources read 60 and 30 rows");
        long id = checkpoint(job);
        stop(job, first);
        assertEquals(expected(60, 30), sorted(sink.visibleRows()));

        resumeToTheEnd(twoInputSpec(right), checkpointing.restoringFrom(
                CheckpointStorage.directoryOf(directory.resolve("both"), id)), () -> {
                    source.open(ROWS);
                    right.open(ROWS / 2);
                });
        assertEquals(expected(ROWS, ROWS / 2), sorted(sink.visibleRows()));
    }

    @Test
    void aTaskThatFailsRestartsFromTheLastCheckpointAndEveryRowIsWrittenOnce() throws Exception {
        QueryMetrics metrics = new QueryMetrics();
        count.failOnceAt(150);
        RestartingJob job = new RestartingJob(spec(2, count), () -> root.newChildAllocator("run", 0, Long.MAX_VALUE),
                metrics, Clock.SYSTEM, 16, JobCheckpointing.of(config(CheckpointingMode.EXACTLY_ONCE), "counts"),
                new RestartStrategy.FixedDelay(2, Duration.ofMillis(10)));
        source.open(100);
        job.start();
        await(() -> metrics.recordsIn() == 100, "the sources read the first 100 rows");
        long id = checkpoint(job.current());
        source.open(ROWS);
        assertEquals(JobState.FINISHED, job.completion().get(WAIT_MILLIS, TimeUnit.MILLISECONDS));
        assertEquals(1, job.restarts());
        assertEquals(id, job.lastCheckpoint().orElseThrow().id());
        assertEquals(expected(ROWS), sorted(sink.visibleRows()));
    }

    @Test
    void withoutRestartsAFailedJobStaysFailed() throws Exception {
        count.failOnceAt(10);
        RestartingJob job = new RestartingJob(spec(2, count), () -> root.newChildAllocator("run", 0, Long.MAX_VALUE),
                new QueryMetrics(), Clock.SYSTEM, 16, JobCheckpointing.of(config(CheckpointingMode.EXACTLY_ONCE), "counts"),
                new RestartStrategy.None());
        source.open(ROWS);
        job.start();
        assertEquals(JobState.FAILED, job.completion().get(WAIT_MILLIS, TimeUnit.MILLISECONDS));
        assertEquals(0, job.restarts());
        assertTrue(job.failure().getMessage().contains("failing once"), job.failure().getMessage());
    }

    @Test
    void aJobWaitingToRestartStopsAtOnceWhenCancelled() throws Exception {
        count.failOnceAt(10);
        RestartingJob job = new RestartingJob(spec(2, count), () -> root.newChildAllocator("run", 0, Long.MAX_VALUE),
                new QueryMetrics(), Clock.SYSTEM, 16, JobCheckpointing.of(config(CheckpointingMode.EXACTLY_ONCE), "counts"),
                new RestartStrategy.FixedDelay(1, Duration.ofHours(1)));
        source.open(ROWS);
        job.start();
        await(() -> job.restarts() == 1, "the job failed and waits to restart");
        job.cancel();
        assertEquals(JobState.CANCELLED, job.completion().get(WAIT_MILLIS, TimeUnit.MILLISECONDS));
    }

    @Test
    void aCheckpointOfAnotherPlanIsRefusedNamingWhatDiffers() throws Exception {
        Path checkpoint = checkpointAfter(20);
        SluiceException parallelism = assertThrows(SluiceException.class, () -> start(spec(1, count), checkpoint));
        assertTrue(parallelism.getMessage().contains("pipeline p1 ran at parallelism 2 and now runs at 1"),
                parallelism.getMessage());
        SluiceException operator = assertThrows(SluiceException.class, () -> start(spec(2, renamed(count)), checkpoint));
        assertTrue(operator.getMessage().contains("the state of RunningCount ('p1/0/RunningCount') has no place in the job"),
                operator.getMessage());
    }

    @Test
    void aNewJobDoesNotWriteOverTheCheckpointsOfAnEarlierRun() throws Exception {
        checkpointAfter(20);
        SluiceException refused = assertThrows(SluiceException.class, () -> start(spec(2, count), null));
        assertTrue(refused.getMessage().contains("already holds checkpoints of an earlier run"), refused.getMessage());
    }

    /** Runs the job until the sources read {@code rows} rows, checkpoints, cancels; returns the checkpoint. */
    private Path checkpointAfter(int rows) throws Exception {
        QueryMetrics metrics = new QueryMetrics();
        BufferAllocator allocator = root.newChildAllocator("first", 0, Long.MAX_VALUE);
        Job job = new Job(spec(2, count), allocator, metrics, Clock.SYSTEM, 16,
                JobCheckpointing.of(config(CheckpointingMode.EXACTLY_ONCE), "counts"));
        source.open(rows);
        job.start();
        await(() -> metrics.recordsIn() == rows, "the sources read " + rows + " rows");
        long id = checkpoint(job);
        stop(job, allocator);
        return CheckpointStorage.directoryOf(directory.resolve("counts"), id);
    }

    /** Takes a checkpoint of a running job and waits until it completed; returns its id. */
    private static long checkpoint(Job job) throws InterruptedException {
        CheckpointCoordinator coordinator = job.checkpoints().orElseThrow();
        long id = coordinator.trigger();
        await(() -> coordinator.lastCompleted() == id, "checkpoint " + id + " completed");
        return id;
    }

    private static void stop(Job job, BufferAllocator allocator) throws Exception {
        job.cancel();
        job.completion().get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        allocator.close();
    }

    /** Runs the job of {@code spec} from a checkpoint until it finished, having let every row through. */
    private void resumeToTheEnd(JobSpec spec, JobCheckpointing checkpointing, Runnable openSources) throws Exception {
        try (BufferAllocator allocator = root.newChildAllocator("resumed", 0, Long.MAX_VALUE)) {
            Job resumed = new Job(spec, allocator, new QueryMetrics(), Clock.SYSTEM, 16, checkpointing);
            openSources.run();
            resumed.start();
            assertEquals(JobState.FINISHED, resumed.completion().get(WAIT_MILLIS, TimeUnit.MILLISECONDS));
        }
    }

    /** Starts a job (resuming from {@code checkpoint} if not null), which must refuse to start. */
    private void start(JobSpec spec, Path checkpoint) {
        JobCheckpointing checkpointing = JobCheckpointing.of(config(CheckpointingMode.EXACTLY_ONCE), "counts");
        try (BufferAllocator allocator = root.newChildAllocator("refused", 0, Long.MAX_VALUE)) {
            Job job = new Job(spec, allocator, new QueryMetrics(), Clock.SYSTEM, 16,
                    checkpoint == null ? checkpointing : checkpointing.restoringFrom(checkpoint));
            job.start();
            job.cancel();
            throw new AssertionError("the job started");
        }
    }

    private CheckpointConfig config(CheckpointingMode mode) {
        // the test triggers checkpoints itself
        return new CheckpointConfig(Duration.ofHours(1), mode, directory, 1, Duration.ofMinutes(1));
    }

    private JobSpec spec(int countParallelism, OperatorFactory counter) {
        return spec(source, countParallelism, counter);
    }

    private JobSpec spec(GatedSource source, int countParallelism, OperatorFactory counter) {
        PipelineSpec read = new PipelineSpec("p0", 2, new PipelineInput.FromSource("gated", source, GatedSource.SCHEMA,
                ReadMode.STREAM, Optional.empty(), Optional.empty()), List.of(),
                new PipelineOutput.ToExchange(0, new Partitioning.Hash(new KeyHashPartitioner(new int[] {0}))));
        PipelineSpec counting = new PipelineSpec("p1", countParallelism, new PipelineInput.FromExchange(0),
                List.of(counter), sink.output());
        return new JobSpec("counts", List.of(read, counting), List.of(new ExchangeSpec(0, 2, countParallelism, 4)));
    }

    /** Two sources into one exchange, counted together by a task with two inputs, as a join's pipeline is. */
    private JobSpec twoInputSpec(GatedSource right) {
        Partitioning byKey = new Partitioning.Hash(new KeyHashPartitioner(new int[] {0}));
        PipelineSpec readLeft = new PipelineSpec("p0", 2, new PipelineInput.FromSource("left", source,
                GatedSource.SCHEMA, ReadMode.STREAM, Optional.empty(), Optional.empty()), List.of(),
                new PipelineOutput.ToExchange(0, byKey, 0));
        PipelineSpec readRight = new PipelineSpec("p1", 2, new PipelineInput.FromSource("right", right,
                GatedSource.SCHEMA, ReadMode.STREAM, Optional.empty(), Optional.empty()), List.of(),
                new PipelineOutput.ToExchange(0, byKey, 2));
        PipelineSpec counting = new PipelineSpec("p2", 2, new PipelineInput.FromExchange(0, 2), List.of(count),
                sink.output());
        return new JobSpec("both", List.of(readLeft, readRight, counting), List.of(new ExchangeSpec(0, 4, 2, 4)));
    }

    private static OperatorFactory renamed(OperatorFactory factory) {
        return new OperatorFactory() {
            @Override
            public String name() {
                return "RunningTotal";
            }

            @Override
            public Operator create(TaskContext context, Output output) {
                return factory.create(context, output);
            }
        };
    }

    /**
     * The counts an uninterrupted run writes for the first {@code rows[s]} rows of each source
     * {@code s}: key {@code k<j>} counts 1 to the number of rows with that key, in any order.
     */
    private static List<String> expected(int... rows) {
        List<String> expected = new ArrayList<>();
        for (int key = 0; key < KEYS; key++) {
            long total = 0;
            for (int sourceRows : rows) {
                for (int row = key; row < sourceRows; row += KEYS) {
                    total++;
                }
            }
            for (long n = 1; n <= total; n++) {
                expected.add("k" + key + "," + n);
            }
        }
        return sorted(expected);
    }

    private static List<String> sorted(List<String> rows) {
        return rows.stream().sorted().toList();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }
}
