package io.sluice.runtime.connector;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.FormatRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The connectors and formats an engine knows, found through {@link ServiceLoader}. A connector
 * name may stand for a source, a sink or both.
 */
public final class ConnectorRegistry {
    private final Map<String, SourceFactory> sources = new TreeMap<>();
    private final Map<String, SinkFactory> sinks = new TreeMap<>();
    private final FormatRegistry formats;

    public ConnectorRegistry(Iterable<SourceFactory> sourceFactories, Iterable<SinkFactory> sinkFactories,
                             FormatRegistry formats) {
        this.formats = requireNonNull(formats, "formats is null");
        for (SourceFactory factory : sourceFactories) {
            sources.put(factory.identifier(), factory);
            for (String alias : factory.aliases()) {
                sources.put(alias, factory);
            }
        }
        for (SinkFactory factory : sinkFactories) {
            sinks.put(factory.identifier(), factory);
            for (String alias : factory.aliases()) {
                sinks.put(alias, factory);
            }
        }
    }

    public static ConnectorRegistry load(ClassLoader classLoader) {
        return new ConnectorRegistry(ServiceLoader.load(SourceFactory.class, classLoader),
                ServiceLoader.load(SinkFactory.class, classLoader), FormatRegistry.load(classLoader));
    }

    public FormatRegistry formats() {
        return formats;
    }

    /** The source of a connector; fails if the name is unknown or the connector can only be written. */
    public SourceFactory source(String identifier) {
        return findSource(identifier).orElseThrow(() -> sinks.containsKey(identifier)
                ? new SluiceException(ErrorCode.INVALID_OPTION, "connector '" + identifier + "' can only be written to")
                : unknown(identifier));
    }

    public Optional<SourceFactory> findSource(String identifier) {
        return Optional.ofNullable(sources.get(identifier));
    }

    public Optional<SinkFactory> findSink(String identifier) {
        return Optional.ofNullable(sinks.get(identifier));
    }

    /** Fails with the list of known connectors if a name is neither a source nor a sink. */
    public void checkKnown(String identifier) {
        if (!sources.containsKey(identifier) && !sinks.containsKey(identifier)) {
            throw unknown(identifier);
        }
    }

    private SluiceException unknown(String identifier) {
        Set<String> known = new TreeSet<>(sources.keySet());
        known.addAll(sinks.keySet());
        return new SluiceException(ErrorCode.INVALID_OPTION, "unknown connector '" + identifier
                + "'; known connectors: " + String.join(", ", known));
    }
}
