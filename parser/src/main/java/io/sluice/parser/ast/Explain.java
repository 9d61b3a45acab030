package io.sluice.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code EXPLAIN [PLAN FOR] query} or {@code EXPLAIN [PLAN FOR] INSERT INTO ...}. */
public record Explain(Statement explained, SourcePosition position) implements Statement {
    public Explain {
        requireNonNull(explained, "explained is null");
        requireNonNull(position, "position is null");
        if (!(explained instanceof Query) && !(explained instanceof Insert)) {
            throw new IllegalArgumentException("only a query or an INSERT can be explained, not "
                    + explained.getClass().getSimpleName());
        }
    }
}
