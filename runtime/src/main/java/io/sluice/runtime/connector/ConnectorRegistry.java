package io.sluice.runtime.connector;

import static java.util.Objects.requireNonNull;

import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import io.sluice.runtime.format.FormatRegistry;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;

/** The connectors and formats an engine knows, found through {@link ServiceLoader}. */
public final class ConnectorRegistry {
    private final Map<String, SourceFactory> sources = new TreeMap<>();
    private final FormatRegistry formats;

    public ConnectorRegistry(Iterable<SourceFactory> sourceFactories, FormatRegistry formats) {
        this.formats = requireNonNull(formats, "formats is null");
        for (SourceFactory factory : sourceFactories) {
            sources.put(factory.identifier(), factory);
            for (String alias : factory.aliases()) {
                sources.put(alias, factory);
            }
        }
    }

    public static ConnectorRegistry load(ClassLoader classLoader) {
        return new ConnectorRegistry(ServiceLoader.load(SourceFactory.class, classLoader),
                FormatRegistry.load(classLoader));
    }

    public FormatRegistry formats() {
        return formats;
    }

    public SourceFactory source(String identifier) {
        SourceFactory factory = sources.get(identifier);
        if (factory == null) {
            throw new SluiceException(ErrorCode.INVALID_OPTION, "unknown connector '" + identifier
                    + "'; known connectors: " + String.join(", ", new TreeSet<>(sources.keySet())));
        }
        return factory;
    }
}
