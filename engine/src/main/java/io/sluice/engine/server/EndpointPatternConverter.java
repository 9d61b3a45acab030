package io.sluice.engine.server;

import io.sluice.runtime.security.EndpointPattern;
import picocli.CommandLine;

/** An {@code --allow-host} value, {@code HOST:PORT} with {@code *} patterns (see {@link EndpointPattern}). */
final class EndpointPatternConverter implements CommandLine.ITypeConverter<EndpointPattern> {
    @Override
    public EndpointPattern convert(String value) {
        try {
            return EndpointPattern.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
