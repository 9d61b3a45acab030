package io.sluice.parser.ast;

import static java.util.Objects.requireNonNull;

/** A bare {@code SET}: lists the session's options and their values. */
public record ListOptions(SourcePosition position) implements Statement {
    public ListOptions {
        requireNonNull(position, "position is null");
    }
}
