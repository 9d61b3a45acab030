package io.sluice.parser.ast;

import static java.util.Objects.requireNonNull;

/** {@code STOP JOB 'id'}: stops a running query or INSERT job. */
public record StopJob(String id, SourcePosition position) implements Statement {
    public StopJob {
        requireNonNull(id, "id is null");
        requireNonNull(position, "position is null");
    }
}
