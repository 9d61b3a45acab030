package io.sluice.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code DESCRIBE name} (or {@code DESC name}). */
public record Describe(String name, SourcePosition position) implements Statement {
    public Describe {
        requireNonNull(name, "name is null");
        requireNonNull(position, "position is null");
    }
}
