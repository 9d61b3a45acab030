package io.sluice.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code CREATE [MATERIALIZED] VIEW [IF NOT EXISTS] name [(columns)] AS query}. An empty column
 * list means the view takes the query's column names. A materialized view runs its query
 * continuously and keeps the result; a plain one is expanded wherever it is read.
 */
public record CreateView(String name, boolean materialized, boolean ifNotExists, List<String> columns, Query query,
        SourcePosition position) implements Statement {
    public CreateView {
        requireNonNull(name, "name is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(query, "query is null");
        requireNonNull(position, "position is null");
    }
}
