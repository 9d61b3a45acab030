package io.sluice.engine.job;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.query.QueryState;
import io.sluice.engine.result.QuerySummary;
import io.sluice.runtime.Clock;
import io.sluice.runtime.checkpoint.CheckpointCoordinator;
import io.sluice.runtime.checkpoint.CheckpointStats;
import io.sluice.runtime.checkpoint.CheckpointStorage;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.checkpoint.CheckpointingMode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.job.JobCheckpointing;
import io.sluice.runtime.job.JobSpec;
import io.sluice.runtime.job.Job;
import io.sluice.runtime.job.JobState;
import io.sluice.runtime.job.PipelineInput;
import io.sluice.runtime.job.PipelineSpec;
import io.sluice.runtime.job.RestartingJob;
import io.sluice.runtime.metrics.QueryMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A continuous job started by {@code INSERT INTO} or a statement set: it writes into sinks and
 * outlives the statement that started it. It frees its memory as soon as it ends, and stays
 * listed (FINISHED, CANCELLED or FAILED with its error) until the engine closes. With checkpoints
 * it writes them under {@code <'state.checkpoints.dir'>/<id>-<8 hex digits>/}, and when it fails it
 * starts again from the newest one as its restart strategy says.
 */
public final class BackgroundJob {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJob.class);
    private static final long SAVEPOINT_POLL_MILLIS = 10;

    private final String id;
    private final String sessionId;
    private final String owner;
    private final String statement;
    private final long startMillis;
    private final Clock clock;
    private final QueryMetrics metrics = new QueryMetrics();
    private final String checkpointing;
    private final JobCheckpointing checkpoints;
    private final RestartingJob job;
    private volatile Path savepoint;
    private final CompletableFuture<JobState> ended = new CompletableFuture<>();
    private volatile long endMillis;

    /**
     * Starts the job.
     *
     * @param owner      the name of the user whose session started it
     * @param allocators makes the allocator of each run of the job, closed when the run ends
     * @throws SluiceException if the job cannot start
     */
    BackgroundJob(String id, String storageName, String sessionId, String owner, String statement, JobSpec spec,
                  Supplier<BufferAllocator> allocators, Clock clock, int batchSize, JobRecovery recovery) {
        this.id = requireNonNull(id, "id is null");
        this.sessionId = requireNonNull(sessionId, "sessionId is null");
        this.owner = requireNonNull(owner, "owner is null");
        this.statement = requireNonNull(statement, "statement is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.startMillis = clock.millis();
        this.checkpoints = new JobCheckpointing(recovery.checkpoints(), storageName, recovery.resumeFrom(),
                recovery.ignoreUnclaimedState());
        this.checkpointing = describe(spec, recovery);
        if (checkpointing.startsWith("AT_MOST_ONCE")) {
            LOG.warn("job {} delivers {}", id, checkpointing);
        }
        this.job = new RestartingJob(spec, allocators, metrics, clock, batchSize, checkpoints, recovery.restarts());
        job.completion().whenComplete((state, error) -> end(state));
        job.start();
    }

    /**
     * What the job promises across a failure: {@code OFF} without checkpoints; the checkpointing
     * mode; or at most once, naming the sources that cannot replay what they read.
     */
    private static String describe(JobSpec spec, JobRecovery recovery) {
        if (recovery.checkpoints().isEmpty()) {
            return "OFF";
        }
        List<String> cannotReplay = spec.pipelines().stream().map(PipelineSpec::input)
                .filter(input -> input instanceof PipelineInput.FromSource source && !source.source().canReplay())
                .map(input -> ((PipelineInput.FromSource) input).table()).distinct().toList();
        CheckpointingMode mode = recovery.checkpoints().get().mode();
        return cannotReplay.isEmpty() ? mode.name()
                : "AT_MOST_ONCE (" + String.join(", ", cannotReplay) + " cannot replay what was read)";
    }

    private void end(JobState state) {
        endMillis = clock.millis();
        SluiceException failure = job.failure();
        if (failure != null) {
            LOG.warn("job {} failed: {}", id, failure.getMessage());
        }
        ended.complete(state);
    }

    public String id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    /** The name of the user whose session started the job. */
    public String owner() {
        return owner;
    }

    public String statement() {
        return statement;
    }

    public long startMillis() {
        return startMillis;
    }

    public QueryMetrics metrics() {
        return metrics;
    }

    /** Completes with the final state once the job has ended and freed its memory. */
    public CompletableFuture<JobState> ended() {
        return ended;
    }

    public QueryState state() {
        if (!ended.isDone()) {
            return QueryState.RUNNING;
        }
        return switch (ended.join()) {
            case FINISHED, RUNNING -> QueryState.FINISHED;
            case CANCELLED -> QueryState.CANCELLED;
            case FAILED -> QueryState.FAILED;
        };
    }

    /** {@code OFF}, {@code EXACTLY_ONCE}, {@code AT_LEAST_ONCE}, or {@code AT_MOST_ONCE (...)} when a source cannot replay. */
    public String checkpointing() {
        return checkpointing;
    }

    /** The bytes the job's current run holds. */
    public long memoryUsed() {
        return job.current().memoryUsed();
    }

    /** The memory limit of each run of the job, in bytes. */
    public long memoryLimit() {
        return job.current().memoryLimit();
    }

    /** The newest checkpoint completed, in any run of the job. */
    public Optional<CheckpointStats> lastCheckpoint() {
        return job.lastCheckpoint();
    }

    /** The name of the job's directory under the checkpoint directory, the same in every run and after a resume. */
    public String checkpointStorage() {
        return checkpoints.storageName();
    }

    /** The directory the job's checkpoints go to, if it takes any. */
    public Optional<Path> checkpointDirectory() {
        return checkpoints.jobDirectory();
    }

    /** The savepoint {@code STOP JOB ... WITH SAVEPOINT} took of the job, if one did. */
    public Optional<Path> savepoint() {
        return Optional.ofNullable(savepoint);
    }

    /**
     * Takes the job's last checkpoint now and keeps it as a savepoint under {@code directory}, by
     * default the {@code savepoints} directory beside the job's checkpoint directory; no checkpoint
     * completes after it, so the job is to be stopped next.
     *
     * @throws SluiceException if the job takes no checkpoints, or the checkpoint did not complete
     *                         within twice the checkpoint timeout (one pending, then the savepoint)
     */
    public Path takeSavepoint(Optional<Path> directory) throws InterruptedException {
        Job run = job.current();
        CheckpointCoordinator coordinator = run == null ? null : run.checkpoints().orElse(null);
        if (coordinator == null) {
            throw new SluiceException(ErrorCode.VALIDATION_ERROR, "job " + id + " takes no checkpoints, so it cannot "
                    + "take a savepoint: SET 'execution.checkpointing.interval' before its INSERT");
        }
        Duration timeout = checkpoints.config().orElseThrow().timeout().multipliedBy(2);
        long deadline = System.nanoTime() + timeout.toNanos();
        long aborted = coordinator.aborted();
        long checkpoint;
        while ((checkpoint = coordinator.triggerLast()) == 0) {
            // a checkpoint is pending: the savepoint starts once it ends
            waitOrFail(deadline, timeout);
        }
        while (coordinator.lastCompleted() < checkpoint) {
            if (coordinator.aborted() > aborted) {
                throw new SluiceException(ErrorCode.IO_ERROR, "the savepoint of job " + id + " was aborted: not every "
                        + "task took it within 'execution.checkpointing.timeout'; the job goes on");
            }
            waitOrFail(deadline, timeout);
        }
        Path jobDirectory = coordinator.jobDirectory();
        savepoint = Savepoints.keep(CheckpointStorage.directoryOf(jobDirectory, checkpoint),
                directory.orElse(jobDirectory.resolveSibling("savepoints")), id);
        return savepoint;
    }

    private void waitOrFail(long deadline, Duration timeout) throws InterruptedException {
        if (ended.isDone()) {
            throw new SluiceException(ErrorCode.VALIDATION_ERROR, "job " + id + " ended (" + state().name()
                    + ") before its savepoint was taken");
        }
        if (System.nanoTime() > deadline) {
            throw new SluiceException(ErrorCode.IO_ERROR, "the savepoint of job " + id + " did not complete within "
                    + timeout.toSeconds() + " s");
        }
        Thread.sleep(SAVEPOINT_POLL_MILLIS);
    }

    /** How many times the job started again after a failure. */
    public int restarts() {
        return job.restarts();
    }

    /** Why the job failed, or null. */
    public SluiceException failure() {
        return job.failure();
    }

    /** Rows written per second since the job started (until it ended). */
    public double rowsPerSecond() {
        long end = endMillis > 0 ? endMillis : clock.millis();
        return metrics.recordsOut() * 1000.0 / Math.max(1, end - startMillis);
    }

    public QuerySummary summary() {
        return new QuerySummary(metrics.recordsOut(), metrics.recordsIn(), metrics.malformedRecords(),
                metrics.lateRecords(), metrics.firstMalformed());
    }

    /** Fails the run going on as a failing task would (tests of recovery inject failures so). */
    void failRun(SluiceException cause) {
        job.current().fail(cause);
    }

    /** Asks the job to stop; its sinks hand on what they were given. Returns at once. */
    public void cancel() {
        job.cancel();
    }

    /**
     * Waits until the job has ended and freed its memory.
     *
     * @return false if it had not ended within the timeout
     */
    public boolean await(Duration timeout) throws InterruptedException {
        try {
            ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw SluiceException.internal("job " + id + " ended abnormally", e.getCause());
        }
    }
}
