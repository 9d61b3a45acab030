package io.sluice.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code SHOW STREAMS | TABLES | VIEWS | QUERIES | JOBS | FUNCTIONS}. */
public record Show(ShowKind kind, SourcePosition position) implements Statement {
    public Show {
        requireNonNull(kind, "kind is null");
        requireNonNull(position, "position is null");
    }
}
