package io.sluice.planner.catalog;

/** What a name in the catalog stands for, as {@code SHOW} and JDBC metadata list it. */
public enum TableKind {
    STREAM,
    TABLE,
    VIEW,
    /** A view whose query runs continuously in the engine, which keeps its result. */
    MATERIALIZED_VIEW;

    /** The kind as SQL and JDBC name it: {@code STREAM}, {@code TABLE}, {@code VIEW}, {@code MATERIALIZED VIEW}. */
    public String sqlName() {
        return name().replace('_', ' ');
    }
}
