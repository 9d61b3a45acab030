package io.sluice.jdbc;

import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.remote.Service;

/**
 * Where one connection's requests go: a Sluice server over HTTP, or an engine in this JVM.
 *
 * <p>Avatica's {@link Service} carries the standard requests. Avatica has no request that stops a
 * running statement ({@code Statement.cancel()} only sets a flag in the client), so an endpoint
 * also carries Sluice's own {@link #cancel}. The connection calls {@link #opened} once after the
 * engine has opened it, and {@link #close} once when it closes; requests may come from several
 * threads at a time (a reading thread and a cancelling one).
 */
public interface Endpoint {
    /** The service that answers the connection's Avatica requests. */
    Service service();

    /**
     * Stops the statement's running query, if it has one, and frees its memory on the engine; the
     * statement stays usable. A reader waiting for its rows gets a cancellation error (SQLState
     * 57014). Does nothing for a statement the engine no longer knows.
     */
    void cancel(Meta.StatementHandle statement);

    /** The engine has opened the connection with this id. */
    default void opened(String connectionId) {
    }

    /** The connection is closed; the endpoint releases what it holds. */
    void close();
}
