package io.sluice.jdbc;

/**
 * The engine's side of {@code jdbc:sluice:mem:}. The Sluice engine implements this interface and
 * lists the implementation in {@code META-INF/services/io.sluice.jdbc.EmbeddedEngineProvider}; the
 * driver finds it with {@link java.util.ServiceLoader}, so that it can run an engine in-process
 * without depending on the engine.
 */
public interface EmbeddedEngineProvider {
    /**
     * Opens an endpoint on the in-process engine called {@code name}. An engine with a name is
     * started by the first connection to it, shared by every connection to it in the JVM, and
     * stopped when the last one closes. The empty name asks for a private engine that lives as
     * long as this one endpoint.
     */
    Endpoint open(String name);
}
