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
        return format(context.options(), "format").createDecoderFactory(context);
    }

    /** The encoders for the format named by the {@code 'format'} option (required). */
    public EncoderFactory encoders(FormatContext context) {
        return encoders(context, "format");
    }

    /** The encoders for the format named by option {@code key}, e.g. Kafka's {@code 'key.format'}. */
    public EncoderFactory encoders(FormatContext context, String key) {
        return format(context.options(), key).createEncoderFactory(context);
    }

    private FormatFactory format(ConnectorOptions options, String key) {
        String name = options.required(key);
        FormatFactory factory = formats.get(name);
        if (factory == null) {
            throw new SluiceException(ErrorCode.INVALID_OPTION, "unknown format '" + name + "' in option '" + key
                    + "' of connector '" + options.connector() + "'; known formats: " + String.join(", ", formats.keySet()));
        }
        return factory;
    }
}
