package io.sluice.engine.query;

import io.sluice.engine.result.ResultColumn;
import io.sluice.runtime.Clock;
import io.sluice.runtime.job.JobSpec;
import io.sluice.runtime.job.PipelineOutput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;

/** The queries an engine runs, by id, for SHOW QUERIES and for stopping them all at close. */
public final class QueryRegistry {
    private final Map<String, RunningQuery> queries = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Consumer<RunningQuery> started;

    /** @param started told of each query as it starts (the engine binds its metrics) */
    public QueryRegistry(Consumer<RunningQuery> started) {
        this.started = started;
    }

    /**
     * Starts a query of {@code owner}'s session whose job is made by {@code jobSpec}, with its
     * results queued for a cursor.
     */
    public RunningQuery start(String sessionId, String owner, String statement, List<ResultColumn> columns,
                              BiFunction<String, PipelineOutput.ToSink, JobSpec> jobSpec, BufferAllocator parentAllocator,
                              long memoryLimit, Clock clock, int batchSize) {
        String id = "q" + ids.incrementAndGet();
        BufferAllocator allocator = parentAllocator.newChildAllocator(id, 0, memoryLimit);
        RunningQuery query;
        try {
            query = new RunningQuery(id, sessionId, owner, statement, columns, sink -> jobSpec.apply(id, sink), allocator, clock,
                    batchSize, this);
        } catch (RuntimeException e) {
            if (allocator.getAllocatedMemory() == 0) {
                allocator.close();
            }
            throw e;
        }
        queries.put(id, query);
        started.accept(query);
        return query;
    }

    /** The queries now running or not yet released, oldest first. */
    public List<RunningQuery> list() {
        List<RunningQuery> list = new ArrayList<>(queries.values());
        list.sort(Comparator.comparingLong(RunningQuery::startMillis).thenComparing(RunningQuery::id));
        return list;
    }

    public java.util.Optional<RunningQuery> find(String id) {
        return java.util.Optional.ofNullable(queries.get(id));
    }

    void remove(RunningQuery query) {
        queries.remove(query.id(), query);
    }

    /** Releases every query of a session (when the session closes). */
    public void releaseSession(String sessionId) {
        for (RunningQuery query : list()) {
            if (query.sessionId().equals(sessionId)) {
                query.release();
            }
        }
    }

    public void closeAll() {
        for (RunningQuery query : list()) {
            query.release();
        }
    }
}
