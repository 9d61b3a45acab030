package io.sluice.parser;

import io.sluice.parser.ast.SourcePosition;

/**
 * An expression or query nested deeper than {@link ExpressionDepth#MAX_DEPTH} levels (a chain of
 * {@code OR}s is as deep as it is long). Planning recurses once a level, so such a statement is
 * refused when it is parsed rather than let overflow the stack later. The position is that of
 * the node past the limit, absolute in the script.
 */
public final class StatementTooDeepError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final SourcePosition position;

    StatementTooDeepError(SourcePosition position, String detail) {
        super(detail);
        this.position = position;
    }

    public SourcePosition position() {
        return position;
    }
}
