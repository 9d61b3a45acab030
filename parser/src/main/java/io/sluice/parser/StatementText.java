package io.sluice.parser;

import static java.util.Objects.requireNonNull;

import io.sluice.parser.ast.SourcePosition;

/**
 * One statement cut from a script: its text, without the {@code ;} that ends it, and the line and
 * column (from 1) in the script where it starts. Parsing it with {@link StatementParser} gives
 * positions in the script, not in the text.
 */
public record StatementText(String text, int line, int column) {
    public StatementText {
        requireNonNull(text, "text is null");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("position must be at least line 1, column 1: line "
                    + line + ", column " + column);
        }
    }

    public SourcePosition position() {
        return new SourcePosition(line, column);
    }
}
