package io.sluice.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code INSERT INTO target [(columns)] query}. An empty column list means all of the target's
 * columns, in order.
 */
public record Insert(String target, List<String> columns, Query query, SourcePosition position)
        implements Statement {
    public Insert {
        requireNonNull(target, "target is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(query, "query is null");
        requireNonNull(position, "position is null");
    }
}
