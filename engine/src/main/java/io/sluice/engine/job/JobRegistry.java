package io.sluice.engine.job;

import io.sluice.runtime.Clock;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.job.JobSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background jobs of an engine, by id ({@code j1}, {@code j2}, ...), running or ended, for
 * SHOW QUERIES, STOP JOB, script mode's wait, and for stopping them all when the engine closes.
 */
public final class JobRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(JobRegistry.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, BackgroundJob> jobs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /**
     * Starts a job of {@code owner}'s session whose spec {@code jobSpec} makes from the job's id;
     * each run of it (a restart is a new run) gets its own allocator of {@code memoryLimit}.
     */
    public BackgroundJob start(String sessionId, String owner, String statement, Function<String, JobSpec> jobSpec,
                               BufferAllocator parentAllocator, long memoryLimit, Clock clock, int batchSize,
                               JobRecovery recovery) {
        String id = "j" + ids.incrementAndGet();
        return start(id, id + "-" + UUID.randomUUID().toString().substring(0, 8), sessionId, owner, statement, jobSpec,
                parentAllocator, memoryLimit, clock, batchSize, recovery);
    }

    /** Makes sure no job started from now on takes {@code id} (of a job kept to be resumed). */
    public void reserve(String id) {
        ids.accumulateAndGet(Long.parseLong(id.substring(1)), Math::max);
    }

    /**
     * Starts a job again under the id and checkpoint directory name it had (the server resuming
     * its jobs after a restart); later jobs get ids after it.
     */
    public BackgroundJob restart(String id, String storageName, String sessionId, String owner, String statement,
                                 Function<String, JobSpec> jobSpec, BufferAllocator parentAllocator, long memoryLimit,
                                 Clock clock, int batchSize, JobRecovery recovery) {
        if (jobs.containsKey(id)) {
            throw new SluiceException(ErrorCode.OBJECT_ALREADY_EXISTS, "job " + id + " exists already");
        }
        reserve(id);
        return start(id, storageName, sessionId, owner, statement, jobSpec, parentAllocator, memoryLimit, clock,
                batchSize, recovery);
    }

    private BackgroundJob start(String id, String storageName, String sessionId, String owner, String statement,
                                Function<String, JobSpec> jobSpec, BufferAllocator parentAllocator, long memoryLimit,
                                Clock clock, int batchSize, JobRecovery recovery) {
        JobSpec spec = jobSpec.apply(id);
        BackgroundJob job = new BackgroundJob(id, storageName, sessionId, owner, statement, spec,
                () -> parentAllocator.newChildAllocator(id, 0, memoryLimit), clock, batchSize, recovery);
        jobs.put(id, job);
        return job;
    }

    /** Every job, running or ended, oldest first. */
    public List<BackgroundJob> list() {
        List<BackgroundJob> list = new ArrayList<>(jobs.values());
        list.sort(Comparator.comparingLong(BackgroundJob::startMillis)
                .thenComparingLong(job -> Long.parseLong(job.id().substring(1))));
        return list;
    }

    public Optional<BackgroundJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** The jobs a session started that are still running. */
    public List<BackgroundJob> running(String sessionId) {
        return list().stream()
                .filter(job -> job.sessionId().equals(sessionId) && !job.ended().isDone())
                .toList();
    }

    /** Stops a job and waits until it has ended and freed its memory. */
    public void stop(BackgroundJob job) throws InterruptedException {
        job.cancel();
        if (!job.await(STOP_TIMEOUT)) {
            throw SluiceException.internal("job " + job.id() + " did not stop within " + STOP_TIMEOUT.toSeconds() + " s",
                    null);
        }
    }

    /** Stops every running job (the engine is closing) and waits for them. */
    public void stopAll() {
        List<BackgroundJob> all = list();
        all.forEach(BackgroundJob::cancel);
        for (BackgroundJob job : all) {
            try {
                if (!job.await(STOP_TIMEOUT)) {
                    LOG.error("job {} did not stop within {} s; its memory stays allocated", job.id(),
                            STOP_TIMEOUT.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
