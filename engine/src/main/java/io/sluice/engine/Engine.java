package io.sluice.engine;

import static java.util.Objects.requireNonNull;

import io.sluice.engine.job.BackgroundJob;
import io.sluice.engine.job.JobRegistry;
import io.sluice.engine.job.JobStore;
import io.sluice.engine.metrics.EngineMetrics;
import io.sluice.engine.query.QueryRegistry;
import io.sluice.parser.SluiceSqlConfig;
import io.sluice.planner.SqlEnvironment;
import io.sluice.planner.catalog.Catalog;
import io.sluice.runtime.codegen.KernelCompiler;
import io.sluice.runtime.connector.ConnectorRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * An embedded Sluice engine: a catalog of streams and tables shared by its sessions, the queries
 * they run, and the memory those queries use. Thread-safe. Close it to stop every query and free
 * its memory.
 *
 * <pre>{@code
 * try (Engine engine = Engine.create();
 *      Session session = engine.newSession()) {
 *     session.execute("CREATE STREAM ...");
 *     try (ResultCursor rows = session.execute("SELECT STREAM ...").rows()) {
 *         Object[] row;
 *         while ((row = rows.next()) != null) { ... }
 *     }
 * }
 * }</pre>
 */
public final class Engine implements AutoCloseable {
    private final EngineConfig config;
    private final Catalog catalog = new Catalog();
    private final ConnectorRegistry connectors;
    private final KernelCompiler compiler;
    private final SqlEnvironment sql;
    private final BufferAllocator allocator;
    private final QueryRegistry queries;
    private final JobRegistry jobs = new JobRegistry();
    private final AtomicLong sessionIds = new AtomicLong();
    private final EngineMetrics metrics;
    private volatile JobStore jobStore;

    private Engine(EngineConfig config) {
        this.config = requireNonNull(config, "config is null");
        this.connectors = ConnectorRegistry.load(config.classLoader());
        this.compiler = new KernelCompiler(Engine.class.getClassLoader());
        this.sql = new SqlEnvironment(catalog, compiler, SluiceSqlConfig.conformance());
        this.allocator = new RootAllocator(config.memoryLimit());
        this.queries = new QueryRegistry(query -> metrics().started(query));
        this.metrics = new EngineMetrics(this, config.meterRegistry());
    }

    public static Engine create() {
        return create(EngineConfig.defaults());
    }

    public static Engine create(EngineConfig config) {
        return new Engine(config);
    }

    /**
     * An engine that keeps its catalog and jobs in {@code dataDirectory} (see {@link JobStore}), as
     * {@code sluice server --data-dir} does: it first recreates the catalog kept there and resumes
     * the jobs kept there from their newest complete checkpoints, under their ids.
     *
     * @throws SluiceException if what the directory holds cannot be read
     */
    public static Engine create(EngineConfig config, Path dataDirectory) {
        JobStore store = JobStore.open(dataDirectory);
        Engine engine = new Engine(config);
        try {
            JobResumption resumption = new JobResumption(engine, store);
            engine.jobStore = store;
            resumption.recreateCatalog();
            resumption.resumeJobs();
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    /** A session of the local user ({@link SessionUser#LOCAL}), who may see and stop every query and job. */
    public Session newSession() {
        return newSession(SessionUser.LOCAL);
    }

    /** A session of {@code user}, who sees and stops only their own queries and jobs unless an admin. */
    public Session newSession(SessionUser user) {
        Session session = new Session(this, "s" + sessionIds.incrementAndGet(), user);
        metrics.sessionOpened();
        return session;
    }

    public EngineConfig config() {
        return config;
    }

    public Catalog catalog() {
        return catalog;
    }

    public ConnectorRegistry connectors() {
        return connectors;
    }

    public KernelCompiler compiler() {
        return compiler;
    }

    public SqlEnvironment sql() {
        return sql;
    }

    /** The engine's root allocator: every query's memory is a child of it. */
    public BufferAllocator allocator() {
        return allocator;
    }

    /** The engine's metrics, bound to the registry of its configuration. */
    public EngineMetrics metrics() {
        return metrics;
    }

    public QueryRegistry queries() {
        return queries;
    }

    /** Where the engine keeps its catalog and jobs to resume them after a restart, if it does. */
    public Optional<JobStore> jobStore() {
        return Optional.ofNullable(jobStore);
    }

    /** The background jobs ({@code INSERT INTO}, statement sets), running and ended. */
    public JobRegistry jobs() {
        return jobs;
    }

    /**
     * Waits until every background job now running has ended (their sources are bounded, or
     * someone stops them), as script mode does before it exits.
     *
     * @return false if some job still runs after the timeout
     */
    public boolean awaitJobs(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (BackgroundJob job : jobs.list()) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!job.await(Duration.ofNanos(left))) {
                return false;
            }
        }
        return true;
    }

    /** Stops every background job cleanly (their sinks hand on what they have), e.g. on Ctrl-C or SIGTERM. */
    public void stopJobs() {
        jobs.stopAll();
    }

    /** Stops every job and query, waits for them to free their memory, and closes the engine's allocator. */
    @Override
    public void close() {
        metrics.close();
        jobs.stopAll();
        queries.closeAll();
        allocator.close();
    }
}
