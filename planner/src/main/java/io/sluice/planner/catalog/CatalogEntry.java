package io.sluice.planner.catalog;

/** Something a name in the catalog stands for. */
public sealed interface CatalogEntry permits CatalogTable, CatalogView {
    String name();

    TableKind kind();
}
