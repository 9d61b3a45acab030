package io.sluice.engine;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.sluice.runtime.Clock;
import io.sluice.runtime.security.AccessPolicy;

/**
 * How an engine is set up.
 *
 * @param clock              wall-clock time for the engine and its queries
 * @param defaultParallelism tasks per pipeline when a session does not set {@code 'parallelism'}
 * @param memoryLimit        bytes all queries together may hold in Arrow buffers and charged heap state
 * @param queryMemoryLimit   bytes one query may hold when a session does not set
 *                           {@code 'query.memory.limit'}
 * @param classLoader        where connectors and formats are found
 * @param accessPolicy       the paths, hosts and JDBC URLs connectors may reach; {@link AccessPolicy#OPEN}
 *                           by default, since an embedded engine's user owns the process
 * @param limits             what one statement or session may ask for
 * @param meterRegistry      where the engine's metrics go (see docs/monitoring.md); by default an empty
 *                           composite registry, which keeps nothing
 */
public record EngineConfig(Clock clock, int defaultParallelism, long memoryLimit, long queryMemoryLimit,
                           ClassLoader classLoader, AccessPolicy accessPolicy, EngineLimits limits,
                           MeterRegistry meterRegistry) {
    public EngineConfig {
        requireNonNull(clock, "clock is null");
        if (defaultParallelism <= 0) {
            throw new IllegalArgumentException("default parallelism must be positive");
        }
        requireNonNull(classLoader, "classLoader is null");
        requireNonNull(accessPolicy, "accessPolicy is null");
        requireNonNull(limits, "limits is null");
        requireNonNull(meterRegistry, "meterRegistry is null");
    }

    /** A configuration whose metrics go nowhere until {@link #withMeterRegistry} names a registry. */
    public EngineConfig(Clock clock, int defaultParallelism, long memoryLimit, long queryMemoryLimit,
                        ClassLoader classLoader, AccessPolicy accessPolicy, EngineLimits limits) {
        this(clock, defaultParallelism, memoryLimit, queryMemoryLimit, classLoader, accessPolicy, limits,
                new CompositeMeterRegistry());
    }

    /**
     * Parallelism as many as the machine's cores. Queries together may hold half the JVM's heap
     * (their Arrow buffers and the heap state charged with them), one query a quarter: the rest is
     * the room the engine, its sessions and the heap's own slack need to live on when a query
     * reaches its limit.
     */
    public static EngineConfig defaults() {
        long heap = Runtime.getRuntime().maxMemory();
        return new EngineConfig(Clock.SYSTEM, Runtime.getRuntime().availableProcessors(), heap / 2, heap / 4,
                EngineConfig.class.getClassLoader(), AccessPolicy.OPEN, EngineLimits.defaults());
    }

    public EngineConfig withDefaultParallelism(int parallelism) {
        return new EngineConfig(clock, parallelism, memoryLimit, queryMemoryLimit, classLoader, accessPolicy, limits,
                meterRegistry);
    }

    public EngineConfig withClock(Clock newClock) {
        return new EngineConfig(newClock, defaultParallelism, memoryLimit, queryMemoryLimit, classLoader, accessPolicy,
                limits, meterRegistry);
    }

    public EngineConfig withAccessPolicy(AccessPolicy policy) {
        return new EngineConfig(clock, defaultParallelism, memoryLimit, queryMemoryLimit, classLoader, policy, limits,
                meterRegistry);
    }

    public EngineConfig withLimits(EngineLimits newLimits) {
        return new EngineConfig(clock, defaultParallelism, memoryLimit, queryMemoryLimit, classLoader, accessPolicy,
                newLimits, meterRegistry);
    }

    /**
     * Sends the engine's metrics to the application's registry: a Prometheus one, say, or a
     * composite of several. The engine adds its meters when it starts and removes them when it closes.
     */
    public EngineConfig withMeterRegistry(MeterRegistry registry) {
        return new EngineConfig(clock, defaultParallelism, memoryLimit, queryMemoryLimit, classLoader, accessPolicy,
                limits, registry);
    }
}
