package io.sluice.parser.ast;

/** What {@code CREATE STREAM} and {@code CREATE TABLE} declare. */
public enum TableKind {
    STREAM,
    TABLE
}
