package io.sluice.parser.ast;

/**
 * A place in a script: line and column, both counted from 1. Columns count characters, a tab
 * being one character, as Calcite counts them.
 */
public record SourcePosition(int line, int column) {
    public SourcePosition {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("position must be at least line 1, column 1: line "
                    + line + ", column " + column);
        }
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
