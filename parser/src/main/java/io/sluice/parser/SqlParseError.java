package io.sluice.parser;

import static java.util.Objects.requireNonNull;

import io.sluice.parser.ast.SourcePosition;

/**
 * SQL text that cannot be parsed, or a statement that breaks a rule the parser checks (a duplicate
 * column, an INSERT OVERWRITE). The line and column, counted from 1, are absolute in the script the
 * statement came from. {@link #getMessage()} reads {@code line L, column C: <detail>}.
 */
public final class SqlParseError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String detail;

    public SqlParseError(SourcePosition position, String detail) {
        this(position, detail, null);
    }

    public SqlParseError(SourcePosition position, String detail, Throwable cause) {
        super("line " + position.line() + ", column " + position.column() + ": "
                + requireNonNull(detail, "detail is null"), cause);
        this.line = position.line();
        this.column = position.column();
        this.detail = detail;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public SourcePosition position() {
        return new SourcePosition(line, column);
    }

    /** The message without the position prefix. */
    public String detail() {
        return detail;
    }
}
