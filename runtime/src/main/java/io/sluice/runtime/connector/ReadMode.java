package io.sluice.runtime.connector;

/** How a query reads a source. */
public enum ReadMode {
    /** {@code SELECT STREAM}: follow the source until it ends or the query is stopped. */
    STREAM,
    /** Plain {@code SELECT}: read what the source holds now, then end. */
    SNAPSHOT
}
