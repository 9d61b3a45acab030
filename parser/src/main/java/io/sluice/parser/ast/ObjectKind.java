package io.sluice.parser.ast;

/** The kinds of catalog object a {@code DROP} statement names. */
public enum ObjectKind {
    STREAM,
    TABLE,
    VIEW,
    MATERIALIZED_VIEW
}
