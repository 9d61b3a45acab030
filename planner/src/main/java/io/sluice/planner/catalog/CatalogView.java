package io.sluice.planner.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A named query.
 *
 * @param query       the view's query text, expanded wherever the view is used
 * @param columnNames the names given to its columns, or empty to keep the query's
 */
public record CatalogView(String name, String query, List<String> columnNames) implements CatalogEntry {
    public CatalogView {
        requireNonNull(name, "name is null");
        requireNonNull(query, "query is null");
        columnNames = List.copyOf(columnNames);
    }

    @Override
    public TableKind kind() {
        return TableKind.VIEW;
    }
}
