package io.sluice.engine.query;

/** Where a query is in its life, as SHOW QUERIES lists it. */
public enum QueryState {
    RUNNING,
    FINISHED,
    CANCELLED,
    FAILED
}
