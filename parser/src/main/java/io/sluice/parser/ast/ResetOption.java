package io.sluice.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** {@code RESET 'key'} resets one session option to its default; a bare {@code RESET} resets all. */
public record ResetOption(Optional<String> key, SourcePosition position) implements Statement {
    public ResetOption {
        requireNonNull(key, "key is null");
        requireNonNull(position, "position is null");
    }
}
