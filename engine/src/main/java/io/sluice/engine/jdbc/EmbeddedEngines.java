package io.sluice.engine.jdbc;

import io.sluice.engine.Engine;
import io.sluice.jdbc.EmbeddedEngineProvider;
import io.sluice.jdbc.Endpoint;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engines behind {@code jdbc:sluice:mem:} URLs, found by the driver through
 * {@link java.util.ServiceLoader}. {@code jdbc:sluice:mem:} gets a private engine that stops when
 * its connection closes; {@code jdbc:sluice:mem:NAME} gets the JVM's engine of that name, started
 * by the first connection to it and stopped when the last one closes.
 */
public final class EmbeddedEngines implements EmbeddedEngineProvider {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngines.class);

    /** The named engines now running, by name; guarded by itself. */
    private static final Map<String, Shared> NAMED = new HashMap<>();

    /** A named engine and the number of open connections to it. */
    private static final class Shared {
        final EngineMeta meta;
        int connections;

        Shared(EngineMeta meta) {
            this.meta = meta;
        }
    }

    @Override
    public Endpoint open(String name) {
        if (name.isEmpty()) {
            EngineMeta meta = new EngineMeta(Engine.create());
            return new EmbeddedEndpoint(meta, () -> stop(meta, "its connection closed"));
        }
        synchronized (NAMED) {
            Shared shared = NAMED.computeIfAbsent(name, n -> new Shared(new EngineMeta(Engine.create())));
            shared.connections++;
            return new EmbeddedEndpoint(shared.meta, () -> release(name, shared));
        }
    }

    /** The running in-process engine of that name, if a connection has it open. */
    public static Optional<Engine> find(String name) {
        synchronized (NAMED) {
            return Optional.ofNullable(NAMED.get(name)).map(shared -> shared.meta.engine());
        }
    }

    private static void release(String name, Shared shared) {
        synchronized (NAMED) {
            if (--shared.connections > 0) {
                return;
            }
            NAMED.remove(name, shared);
        }
        stop(shared.meta, "its last connection closed");
    }

    private static void stop(EngineMeta meta, String why) {
        meta.closeAll("stopped: the in-process engine stopped");
        try {
            meta.engine().close();
        } catch (RuntimeException e) {
            LOG.error("the in-process engine did not stop cleanly after {}", why, e);
        }
    }
}
