package io.sluice.runtime.job;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.Clock;
import io.sluice.runtime.checkpoint.CheckpointCoordinator;
import io.sluice.runtime.checkpoint.CheckpointRetention;
import io.sluice.runtime.checkpoint.CheckpointStats;
import io.sluice.runtime.checkpoint.CheckpointStorage;
import java.io.IOException;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.metrics.QueryMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job that, when it fails, starts again as its {@link RestartStrategy} says: a fresh
 * {@link Job} (new tasks, a new allocator) resuming from the newest checkpoint completed so far,
 * or from the start if there is none. Each run's allocator is made for it and closed when it
 * ends, before the next run starts. The counters are the job's across runs. A job that finishes or
 * is stopped deletes its checkpoints unless its configuration retains them; one that fails for
 * good keeps them.
 */
public final class RestartingJob {
    private static final Logger LOG = LoggerFactory.getLogger(RestartingJob.class);

    private final JobSpec spec;
    private final Supplier<BufferAllocator> allocators;
    private final QueryMetrics metrics;
    private final Clock clock;
    private final int batchSize;
    private final JobCheckpointing checkpointing;
    private final RestartStrategy strategy;
    private final CompletableFuture<JobState> completion = new CompletableFuture<>();
    private volatile Job current;
    private volatile boolean cancelled;
    /** A run failed and the next waits for its delay; guarded by this. */
    private boolean waitingToRestart;
    private volatile int restarts;
    private volatile Optional<Path> resumeFrom;
    private volatile CheckpointStats lastCheckpoint;
    private volatile SluiceException failure;

    /**
     * @param allocators makes the allocator of each run, whose limit is the job's memory limit
     */
    public RestartingJob(JobSpec spec, Supplier<BufferAllocator> allocators, QueryMetrics metrics, Clock clock,
                         int batchSize, JobCheckpointing checkpointing, RestartStrategy strategy) {
        this.spec = requireNonNull(spec, "spec is null");
        this.allocators = requireNonNull(allocators, "allocators is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.batchSize = batchSize;
        this.checkpointing = requireNonNull(checkpointing, "checkpointing is null");
        this.strategy = requireNonNull(strategy, "strategy is null");
        this.resumeFrom = checkpointing.restoreFrom();
    }

    /**
     * Starts the first run.
     *
     * @throws SluiceException if it cannot start (see {@link Job#start()}); nothing runs then
     */
    public synchronized void start() {
        run(checkpointing);
    }

    /** Stops the job: a run going on stops within a bounded time, one waiting to restart at once. */
    public void cancel() {
        Job job;
        synchronized (this) {
            cancelled = true;
            job = current;
            if (waitingToRestart) {
                waitingToRestart = false;
                end(JobState.CANCELLED);
                return;
            }
        }
        if (job != null) {
            job.cancel();
        }
    }

    /** Completes with the final state once the last run has ended and freed its memory. */
    public CompletableFuture<JobState> completion() {
        return completion;
    }

    /** Why the job failed for good, or null. */
    public SluiceException failure() {
        return failure;
    }

    /** How many times the job started again after a failure. */
    public int restarts() {
        return restarts;
    }

    /** The newest checkpoint completed, in any run. */
    public Optional<CheckpointStats> lastCheckpoint() {
        Job job = current;
        Optional<CheckpointStats> running = job == null ? Optional.empty()
                : job.checkpoints().flatMap(CheckpointCoordinator::lastStats);
        return running.isPresent() ? running : Optional.ofNullable(lastCheckpoint);
    }

    /** The run going on now, or the last one. */
    public Job current() {
        return current;
    }

    private void run(JobCheckpointing runCheckpointing) {
        BufferAllocator allocator = allocators.get();
        Job job = new Job(spec, allocator, metrics, clock, batchSize, runCheckpointing);
        current = job;
        if (cancelled) {
            job.cancel();
        }
        try {
            job.start();
        } catch (RuntimeException e) {
            allocator.close();
            throw e;
        }
        job.completion().whenComplete((state, error) -> ended(job, allocator, state));
    }

    private void ended(Job job, BufferAllocator allocator, JobState state) {
        job.checkpoints().flatMap(CheckpointCoordinator::lastStats).ifPresent(stats -> {
            lastCheckpoint = stats;
            resumeFrom = Optional.of(stats.directory());
        });
        try {
            allocator.close();
        } catch (RuntimeException e) {
            LOG.error("job {} did not free all its memory", spec.name(), e);
        }
        synchronized (this) {
            Optional<Duration> delay = state == JobState.FAILED && !cancelled ? strategy.delayBefore(restarts + 1)
                    : Optional.empty();
            if (delay.isPresent()) {
                restarts++;
                waitingToRestart = true;
                LOG.warn("job {} failed ({}); restart {} in {} ms from {}", spec.name(), job.failure().getMessage(),
                        restarts, delay.get().toMillis(), resumeFrom.map(Path::toString).orElse("the start"));
                CompletableFuture.delayedExecutor(delay.get().toMillis(), TimeUnit.MILLISECONDS).execute(this::restart);
                return;
            }
        }
        failure = job.failure();
        end(state);
    }

    private void end(JobState state) {
        Optional<Path> directory = checkpointing.jobDirectory();
        boolean delete = state != JobState.FAILED && checkpointing.config()
                .map(config -> config.retention() == CheckpointRetention.DELETE_ON_CANCELLATION).orElse(false);
        if (delete) {
            try {
                CheckpointStorage.deleteJob(directory.orElseThrow());
            } catch (IOException e) {
                LOG.warn("job {} could not delete its checkpoints in '{}': {}", spec.name(), directory.get(), e.toString());
            }
        }
        completion.complete(state);
    }

    private synchronized void restart() {
        if (!waitingToRestart) {
            // cancelled while waiting
            return;
        }
        waitingToRestart = false;
        try {
            run(new JobCheckpointing(checkpointing.config(), checkpointing.storageName(), resumeFrom,
                    checkpointing.ignoreUnclaimedState()));
        } catch (RuntimeException e) {
            failure = e instanceof SluiceException s ? s : SluiceException.internal(e.toString(), e);
            LOG.warn("job {} could not restart: {}", spec.name(), failure.getMessage());
            end(JobState.FAILED);
        }
    }
}
