package io.sluice.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code SET 'key' = 'value'}: sets a session option. */
public record SetOption(String key, String value, SourcePosition position) implements Statement {
    public SetOption {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        requireNonNull(position, "position is null");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("option key is empty");
        }
    }
}
