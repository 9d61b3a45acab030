package io.sluice.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code CREATE VIEW [IF NOT EXISTS] name [(columns)] AS query}. An empty column list means the
 * view takes the query's column names.
 */
public record CreateView(String name, boolean ifNotExists, List<String> columns, Query query,
        SourcePosition position) implements Statement {
    public CreateView {
        requireNonNull(name, "name is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(query, "query is null");
        requireNonNull(position, "position is null");
    }
}
