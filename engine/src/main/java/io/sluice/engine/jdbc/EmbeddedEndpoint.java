package io.sluice.engine.jdbc;

import static java.util.Objects.requireNonNull;

import io.sluice.jdbc.Endpoint;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.Service;

/** A connection's way into an engine in the same JVM: requests are calls, with nothing serialized. */
final class EmbeddedEndpoint implements Endpoint {
    private final EngineMeta meta;
    private final Service service;
    private final Runnable release;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param release what to do once the connection is closed (e.g. stop a private engine) */
    EmbeddedEndpoint(EngineMeta meta, Runnable release) {
        this.meta = requireNonNull(meta, "meta is null");
        this.service = new LocalService(meta);
        this.release = requireNonNull(release, "release is null");
    }

    @Override
    public Service service() {
        return service;
    }

    @Override
    public void cancel(Meta.StatementHandle statement) {
        meta.cancel(statement);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            release.run();
        }
    }
}
