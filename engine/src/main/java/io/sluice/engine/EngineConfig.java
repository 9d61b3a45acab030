package io.sluice.engine;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.Clock;
import io.sluice.runtime.security.AccessPolicy;

/**
 * How an engine is set up.
 *
 * @param clock              wall-clock time for the engine and its queries
 * @param defaultParallelism tasks per pipeline when a session does not set {@code 'parallelism'}
 * @param memoryLimit        bytes all queries together may hold in Arrow buffers
 * @param queryMemoryLimit   bytes one query may hold when a session does not set
 *                           {@code 'query.memory.limit'}
 * @param classLoader        where connectors and formats are found
 * @param accessPolicy       the paths, hosts and JDBC URLs connectors may reach; {@link AccessPolicy#OPEN}
 *                           by default, since an embedded engine's user owns the process
 */
public record EngineConfig(Clock clock, int defaultParallelism, long memoryLimit, long queryMemoryLimit,
                           ClassLoader classLoader, AccessPolicy accessPolicy) {
    public EngineConfig {
        requireNonNull(clock, "clock is null");
        if (defaultParallelism <= 0) {
            throw new IllegalArgumentException("default parallelism must be positive");
        }
        requireNonNull(classLoader, "classLoader is null");
        requireNonNull(accessPolicy, "accessPolicy is null");
    }

    /** Parallelism as many as the machine's cores; memory limits from the JVM's direct memory. */
    public static EngineConfig defaults() {
        long direct = Math.max(Runtime.getRuntime().maxMemory(), 256L << 20);
        return new EngineConfig(Clock.SYSTEM, Runtime.getRuntime().availableProcessors(), direct, direct / 2,
                EngineConfig.class.getClassLoader(), AccessPolicy.OPEN);
    }

    public EngineConfig withDefaultParallelism(int parallelism) {
        return new EngineConfig(clock, parallelism, memoryLimit, queryMemoryLimit, classLoader, accessPolicy);
    }

    public EngineConfig withClock(Clock newClock) {
        return new EngineConfig(newClock, defaultParallelism, memoryLimit, queryMemoryLimit, classLoader, accessPolicy);
    }

    public EngineConfig withAccessPolicy(AccessPolicy policy) {
        return new EngineConfig(clock, defaultParallelism, memoryLimit, queryMemoryLimit, classLoader, policy);
    }
}
