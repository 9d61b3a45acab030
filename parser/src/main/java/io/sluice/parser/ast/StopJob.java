package io.sluice.parser.ast;

import static java.util.Objects.requireNonNull;

/**
 * {@code STOP JOB 'id' [WITH SAVEPOINT]}: stops a running query or INSERT job; with a savepoint,
 * the job first takes a checkpoint that is kept to resume from.
 */
public record StopJob(String id, boolean withSavepoint, SourcePosition position) implements Statement {
    public StopJob {
        requireNonNull(id, "id is null");
        requireNonNull(position, "position is null");
    }
}
