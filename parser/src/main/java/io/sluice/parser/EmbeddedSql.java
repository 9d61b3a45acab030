package io.sluice.parser;

import static java.util.Objects.requireNonNull;

import io.sluice.parser.ast.SourcePosition;
import java.util.Optional;

/**
 * A piece of a statement that Calcite parses (a query body or an expression): its text, where it
 * starts and ends in the script, and the token that follows it, if the statement goes on. When
 * Calcite runs out of text, the error names that token, which is what the user sees there.
 */
record EmbeddedSql(String text, SourcePosition start, SourcePosition end, Optional<String> following,
        SourcePosition followingPosition) {
    EmbeddedSql {
        requireNonNull(text, "text is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        requireNonNull(following, "following is null");
        requireNonNull(followingPosition, "followingPosition is null");
    }
}
