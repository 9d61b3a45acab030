package io.sluice.parser.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code EXECUTE STATEMENT SET BEGIN insert; ... END} or Flink SQL client's
 * {@code BEGIN STATEMENT SET; insert; ... END}: INSERTs that run together as one job. Holds at
 * least one INSERT.
 */
public record StatementSet(List<Insert> inserts, SourcePosition position) implements Statement {
    public StatementSet {
        inserts = List.copyOf(requireNonNull(inserts, "inserts is null"));
        requireNonNull(position, "position is null");
        if (inserts.isEmpty()) {
            throw new IllegalArgumentException("a statement set needs at least one INSERT");
        }
    }
}
