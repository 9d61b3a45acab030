package io.sluice.runtime.format;

import io.sluice.runtime.connector.ConnectorOptions;
import io.sluice.runtime.error.ErrorCode;
import io.sluice.runtime.error.SluiceException;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The formats available to connectors, by name. */
public final class FormatRegistry {
    private final Map<String, FormatFactory> formats = new TreeMap<>();

    public FormatRegistry(Iterable<FormatFactory> factories) {
        for (FormatFactory factory : factories) {
            formats.put(factory.identifier(), factory);
        }
    }

    public static FormatRegistry load(ClassLoader classLoader) {
        return new FormatRegistry(ServiceLoader.load(FormatFactory.class, classLoader));
    }

    /** The decoders for the format named by the {@code 'format'} option (required). */
    public DecoderFactory decoders(FormatContext context) {
        ConnectorOptions options = context.options();
        String name = options.required("format");
        FormatFactory factory = formats.get(name);
        if (factory == null) {
            throw new SluiceException(ErrorCode.INVALID_OPTION, "unknown format '" + name + "' in option 'format'"
                    + " of connector '" + options.connector() + "'; known formats: " + String.join(", ", formats.keySet()));
        }
        return factory.createDecoderFactory(context);
    }
}
