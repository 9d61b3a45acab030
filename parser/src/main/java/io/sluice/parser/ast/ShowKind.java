package io.sluice.parser.ast;

/**
 * What a {@code SHOW} statement lists. {@code SHOW JOBS}, Flink's spelling, is read as
 * {@link #QUERIES}: a running query and a job are the same thing in Sluice.
 */
public enum ShowKind {
    STREAMS,
    TABLES,
    VIEWS,
    QUERIES,
    FUNCTIONS,
    MATERIALIZED_VIEWS
}
