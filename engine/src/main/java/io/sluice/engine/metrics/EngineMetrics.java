package io.sluice.engine.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.engine.Engine;
import io.sluice.engine.job.BackgroundJob;
import io.sluice.engine.query.RunningQuery;
import io.sluice.runtime.codegen.KernelCompiler;
import io.sluice.runtime.metrics.QueryMetrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds an engine's figures to the application's Micrometer registry: the engine's (memory,
 * kernels, sessions, queries), and each query's and job's (see {@link QueryMeters}) from its start
 * until {@link #ENDED_RETENTION} after it is no longer listed, so that a scrape sees the final
 * counts of a short query. The runtime only counts; the registry reads the counts when it is
 * scraped. Once a second, and before each scrape of the server's endpoint ({@link #refresh()}), the
 * meters follow the queries and jobs that came and went, and their recent rates are sampled.
 */
public final class EngineMetrics implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineMetrics.class);
    private static final long SAMPLE_MILLIS = 1000;
    /** How long the meters of a query stay after it ended and was released. */
    public static final long ENDED_RETENTION = 60_000;

    private final Engine engine;
    private final MeterRegistry registry;
    private final List<Meter> engineMeters = new ArrayList<>();
    private final Map<QueryMetrics, QueryMeters> queries = new HashMap<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private final ScheduledExecutorService sampler;

    public EngineMetrics(Engine engine, MeterRegistry registry) {
        this.engine = requireNonNull(engine, "engine is null");
        this.registry = requireNonNull(registry, "registry is null");
        BufferAllocator allocator = engine.allocator();
        engineMeters.add(Gauge.builder("sluice.engine.memory.used.bytes", allocator, BufferAllocator::getAllocatedMemory)
                .description("Bytes all queries hold in Arrow buffers and charged state").register(registry));
        engineMeters.add(Gauge.builder("sluice.engine.memory.limit.bytes", allocator, BufferAllocator::getLimit)
                .description("Bytes all queries together may hold").register(registry));
        KernelCompiler compiler = engine.compiler();
        engineMeters.add(FunctionCounter.builder("sluice.kernel.compilations", compiler, KernelCompiler::compilations)
                .description("Generated kernels compiled").register(registry));
        engineMeters.add(FunctionCounter.builder("sluice.kernel.cache.hits", compiler, KernelCompiler::cacheHits)
                .description("Generated kernels found compiled in the cache").register(registry));
        engineMeters.add(Gauge.builder("sluice.kernel.cached.classes", compiler, KernelCompiler::cachedClasses)
                .description("Kernel classes the cache holds").register(registry));
        engineMeters.add(Gauge.builder("sluice.sessions.open", sessions, AtomicInteger::get)
                .description("Sessions open (a JDBC connection or shell each)").register(registry));
        engineMeters.add(Gauge.builder("sluice.queries.running", engine, e -> e.queries().list().size())
                .description("Interactive queries listed by SHOW QUERIES").register(registry));
        engineMeters.add(Gauge.builder("sluice.jobs.listed", engine, e -> e.jobs().list().size())
                .description("Background jobs listed by SHOW QUERIES, running or ended").register(registry));
        this.sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sluice-metrics");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sample, SAMPLE_MILLIS, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The registry the engine's meters are in. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Counts a session opened; {@link #sessionClosed()} counts it closed. */
    public void sessionOpened() {
        sessions.incrementAndGet();
    }

    public void sessionClosed() {
        sessions.decrementAndGet();
    }

    /** A query's or job's recent rates, if it is listed. */
    public synchronized Optional<Throughput> throughput(QueryMetrics metrics) {
        return Optional.ofNullable(queries.get(metrics)).map(QueryMeters::throughput);
    }

    /** Binds the meters of a query as it starts. */
    public synchronized void started(RunningQuery query) {
        bind(MeteredQuery.of(query));
    }

    /**
     * Binds the meters of queries and jobs that appeared, removes those of the ones gone for
     * {@link #ENDED_RETENTION}, samples rates.
     */
    public synchronized void refresh() {
        Map<QueryMetrics, MeteredQuery> listed = new HashMap<>();
        for (RunningQuery query : engine.queries().list()) {
            listed.put(query.metrics(), MeteredQuery.of(query));
        }
        for (BackgroundJob job : engine.jobs().list()) {
            listed.put(job.metrics(), MeteredQuery.of(job));
        }
        long now = engine.config().clock().millis();
        queries.entrySet().removeIf(entry -> {
            if (listed.containsKey(entry.getKey()) || !entry.getValue().endedLongAgo(now)) {
                return false;
            }
            entry.getValue().close();
            return true;
        });
        listed.values().forEach(this::bind);
        queries.values().forEach(meters -> meters.refresh(listed.containsKey(meters.metrics())));
    }

    /** A refresh on the sampler's thread, which a failure must not end (it would run no more). */
    private void sample() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.error("sampling the engine's metrics failed (this is a bug)", e);
        }
    }

    private void bind(MeteredQuery query) {
        queries.computeIfAbsent(query.metrics(), m -> new QueryMeters(registry, query, engine.config().clock()));
    }

    /** Stops sampling and removes the engine's meters and its queries'. */
    @Override
    public synchronized void close() {
        sampler.shutdownNow();
        queries.values().forEach(QueryMeters::close);
        queries.clear();
        engineMeters.forEach(registry::remove);
    }
}
