package io.sluice.engine.query;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.result.QuerySummary;
import io.sluice.engine.result.ResultColumn;
import io.sluice.runtime.Clock;
import io.sluice.runtime.job.Job;
import io.sluice.runtime.job.JobSpec;
import io.sluice.runtime.job.JobState;
import io.sluice.runtime.job.PipelineOutput;
import io.sluice.runtime.metrics.QueryMetrics;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A query the engine is running: its job, its memory (a child allocator with the query's limit),
 * its metrics, and the queue its results wait in for the client.
 */
public final class RunningQuery {
    private static final Logger LOG = LoggerFactory.getLogger(RunningQuery.class);
    private static final long RELEASE_TIMEOUT_SECONDS = 30;

    private final String id;
    private final String sessionId;
    private final String owner;
    private final String statement;
    private final List<ResultColumn> columns;
    private final long startMillis;
    private final Clock clock;
    private final BufferAllocator allocator;
    private final QueryMetrics metrics = new QueryMetrics();
    private final ResultQueue results;
    private final Job job;
    private final QueryRegistry registry;
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile long endMillis;

    /**
     * Starts the query.
     *
     * @param owner   the name of the user whose session started it
     * @param jobSpec makes the job given the sink its results go to
     */
    RunningQuery(String id, String sessionId, String owner, String statement, List<ResultColumn> columns,
                 Function<PipelineOutput.ToSink, JobSpec> jobSpec, BufferAllocator allocator, Clock clock,
                 int batchSize, QueryRegistry registry) {
        this.id = requireNonNull(id, "id is null");
        this.sessionId = requireNonNull(sessionId, "sessionId is null");
        this.owner = requireNonNull(owner, "owner is null");
        this.statement = requireNonNull(statement, "statement is null");
        this.columns = List.copyOf(columns);
        this.clock = requireNonNull(clock, "clock is null");
        this.startMillis = clock.millis();
        this.allocator = requireNonNull(allocator, "allocator is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.results = new ResultQueue(allocator.newChildAllocator(id + "/results", 0, Long.MAX_VALUE));
        try {
            JobSpec spec = jobSpec.apply(new PipelineOutput.ToSink("results",
                    context -> results.output(metrics, context.job())));
            this.job = new Job(spec, allocator, metrics, clock, batchSize);
        } catch (RuntimeException e) {
            results.close();
            closeAllocator();
            throw e;
        }
        job.completion().thenRun(() -> endMillis = clock.millis());
        job.start();
    }

    public String id() {
        return id;
    }

    public String sessionId() {
        return sessionId;
    }

    /** The name of the user whose session started the query. */
    public String owner() {
        return owner;
    }

    public String statement() {
        return statement;
    }

    public List<ResultColumn> columns() {
        return columns;
    }

    public long startMillis() {
        return startMillis;
    }

    public QueryMetrics metrics() {
        return metrics;
    }

    public Job job() {
        return job;
    }

    public QueryState state() {
        if (!job.completion().isDone()) {
            return QueryState.RUNNING;
        }
        return switch (job.completion().join()) {
            case FINISHED, RUNNING -> QueryState.FINISHED;
            case CANCELLED -> QueryState.CANCELLED;
            case FAILED -> QueryState.FAILED;
        };
    }

    /** Output rows per second since the query started (until it ended). */
    public double rowsPerSecond() {
        long end = endMillis > 0 ? endMillis : clock.millis();
        long elapsed = Math.max(1, end - startMillis);
        return metrics.recordsOut() * 1000.0 / elapsed;
    }

    public QuerySummary summary() {
        return new QuerySummary(metrics.recordsOut(), metrics.recordsIn(), metrics.malformedRecords(),
                metrics.lateRecords(), metrics.firstMalformed());
    }

    public void cancel() {
        job.cancel();
    }

    ResultQueue results() {
        return results;
    }

    /**
     * Stops the query if it still runs, waits for its tasks to end, and frees all its memory.
     * Idempotent.
     */
    public void release() {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        job.cancel();
        try {
            JobState state = job.completion().get(RELEASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.debug("query {} ended {}", id, state);
            results.close();
            closeAllocator();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("query {} did not stop within {} s; its memory stays allocated", id, RELEASE_TIMEOUT_SECONDS, e);
        } finally {
            registry.remove(this);
        }
    }

    /**
     * Closes the query's allocator. Memory a task could not give back (an out-of-memory error can
     * strike between an allocation and its owner taking it) is logged, not thrown at the client:
     * the query has already failed or ended, and its result stands.
     */
    private void closeAllocator() {
        try {
            allocator.close();
        } catch (IllegalStateException e) {
            LOG.error("query {} did not free all its memory", id, e);
        }
    }
}
