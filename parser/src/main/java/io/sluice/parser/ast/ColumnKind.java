package io.sluice.parser.ast;

/** How a column of a {@code CREATE STREAM|TABLE} gets its values. */
public enum ColumnKind {
    /** Read from the source's records. */
    PHYSICAL,
    /** Computed from other columns by an expression ({@code name AS expression}). */
    COMPUTED,
    /** Taken from the connector's or format's metadata ({@code name type METADATA}). */
    METADATA
}
