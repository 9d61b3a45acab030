package io.sluice.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code DROP STREAM|TABLE|VIEW|MATERIALIZED VIEW [IF EXISTS] name}. */
public record DropObject(ObjectKind kind, String name, boolean ifExists, SourcePosition position)
        implements Statement {
    public DropObject {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        requireNonNull(position, "position is null");
    }
}
